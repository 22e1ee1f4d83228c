import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { dossiers } from '../dossiers/schema.ts';
import { citizens } from '../identity/schema.ts';
import { counterPaymentMethods, paymentChannels, paymentStatuses, type PaymentLine } from './domain/payment-rules.ts';

/** Thanh toán — one attempt to pay a dossier's fees through the gateway, or a payment taken at the counter (already paid). */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** vnp_TxnRef: the merchant's order reference, unique for ever. */
    orderRef: text('order_ref').notNull(),
    merchantCode: text('merchant_code').notNull(),
    /** The citizen who started the payment. */
    payerCitizenId: uuid('payer_citizen_id').references(() => citizens.id),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull().default('VND'),
    lines: jsonb('lines').$type<PaymentLine[]>().notNull(),
    /** vnp_OrderInfo as sent to the gateway. */
    orderInfo: text('order_info').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    /** online: through the gateway; counter: taken at the one-stop counter when an officer confirms a financial obligation. */
    channel: text('channel', { enum: paymentChannels }).notNull().default('online'),
    /** At the counter: cash or the card terminal (POS); null online. */
    counterMethod: text('counter_method', { enum: counterPaymentMethods }),
    /** At the counter: the officer who took the money. */
    receivedByOfficerId: uuid('received_by_officer_id'),
    /** vnp_ResponseCode of the settling notification (null when settled by a status query). */
    gatewayResponseCode: varchar('gateway_response_code', { length: 2 }),
    gatewayTransactionStatus: varchar('gateway_transaction_status', { length: 2 }),
    /** vnp_TransactionNo: the gateway's own transaction number. */
    gatewayTransactionNo: text('gateway_transaction_no'),
    bankCode: text('bank_code'),
    /** Why a payment failed without a gateway answer, e.g. `expired` (never paid before its deadline). */
    failureReason: text('failure_reason'),
    /** How the final status became known: the gateway's notification, or a status query (return page, reconciliation). */
    settledVia: text('settled_via', { enum: ['ipn', 'query', 'expiry'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The gateway refuses the pay URL after this moment (vnp_ExpireDate). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** vnp_PayDate as the gateway reported it. */
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** Every signed gateway answer that concerned this payment, raw, in arrival order. */
    rawNotifications: jsonb('raw_notifications')
      .$type<{ channel: string; at: string; params: Record<string, string> }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    uniqueIndex('payments_order_ref_key').on(t.orderRef),
    index('payments_dossier_idx').on(t.dossierId, t.createdAt),
    index('payments_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const notificationChannels = ['ipn', 'return', 'query'] as const;
export const notificationOutcomes = [
  'confirmed',
  'order_not_found',
  'already_confirmed',
  'invalid_amount',
  'invalid_signature',
  'still_pending',
  /** A return-URL visit: logged, never acted upon. */
  'received',
] as const;
export type NotificationOutcome = (typeof notificationOutcomes)[number];

/** Every notification (IPN), return and query answer the gateway gave, valid or not, and what became of it. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    channel: text('channel', { enum: notificationChannels }).notNull(),
    orderRef: text('order_ref'),
    paymentId: uuid('payment_id').references(() => payments.id),
    isSignatureValid: boolean('is_signature_valid').notNull(),
    outcome: text('outcome', { enum: notificationOutcomes }).notNull(),
    /** The IPN answer given to the gateway (RspCode); null for returns and queries. */
    answerCode: varchar('answer_code', { length: 2 }),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    ip: text('ip'),
  },
  (t) => [index('payment_notifications_order_idx').on(t.orderRef, t.receivedAt)],
);

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentNotificationRow = typeof paymentNotifications.$inferSelect;
