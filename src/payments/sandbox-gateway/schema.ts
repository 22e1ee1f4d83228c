import { bigint, jsonb, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * The sandbox gateway's own ledger (demo mode only): what a real gateway keeps on its side, so that
 * status queries (querydr) can answer after the browser has gone, from any process.
 */
export const sandboxGatewayTransactions = pgTable(
  'sandbox_gateway_transactions',
  {
    merchantCode: text('merchant_code').notNull(),
    txnRef: text('txn_ref').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    orderInfo: text('order_info').notNull(),
    createDate: varchar('create_date', { length: 14 }).notNull(),
    status: text('status', { enum: ['pending', 'paid', 'cancelled', 'failed'] }).notNull(),
    responseCode: varchar('response_code', { length: 2 }),
    transactionNo: text('transaction_no'),
    bankCode: text('bank_code'),
    payDate: varchar('pay_date', { length: 14 }),
    /** What the merchant's IPN endpoint answered ({RspCode, Message}), or why it was not called. */
    ipnResult: jsonb('ipn_result').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.merchantCode, t.txnRef] })],
);

export type SandboxGatewayTransactionRow = typeof sandboxGatewayTransactions.$inferSelect;
