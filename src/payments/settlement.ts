import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../platform/audit/record.ts';
import type { Db, Queryable, Tx } from '../platform/db/client.ts';
import { recordDossierPayment } from './dossier-payment.ts';
import type { GatewayResult, PaymentGateway } from './gateway/gateway.ts';
import { paymentResponseCodes, type GatewayParams, type PaymentResponseCode } from './gateway/protocol.ts';
import { paymentNotifications, payments, type NotificationOutcome, type PaymentRow } from './schema.ts';

/**
 * Settling a payment: the one path by which a pending payment becomes paid, failed or cancelled,
 * whether the news came by IPN or by a status query. Idempotent: a payment that is no longer pending
 * is left alone.
 */

export type NotificationChannel = 'ipn' | 'return' | 'query';

/** Appends a row to the log of everything the gateway sent (valid or not). */
export async function recordNotification(
  q: Queryable,
  entry: {
    at: Date;
    channel: NotificationChannel;
    orderRef: string | null;
    paymentId: string | null;
    isSignatureValid: boolean;
    outcome: NotificationOutcome;
    answerCode?: string | null;
    params: GatewayParams;
    ip?: string | null;
  },
): Promise<void> {
  await q.insert(paymentNotifications).values({
    receivedAt: entry.at,
    channel: entry.channel,
    orderRef: entry.orderRef?.slice(0, 100) ?? null,
    paymentId: entry.paymentId,
    isSignatureValid: entry.isSignatureValid,
    outcome: entry.outcome,
    answerCode: entry.answerCode ?? null,
    params: entry.params,
    ip: entry.ip ?? null,
  });
}

/** The payment with this order reference, or null. */
export async function findPaymentByOrderRef(q: Queryable, orderRef: string | null): Promise<PaymentRow | null> {
  if (!orderRef) return null;
  const [row] = await q.select().from(payments).where(eq(payments.orderRef, orderRef));
  return row ?? null;
}

/** Whether the gateway's amount (VND × 100) is exactly the payment's. */
export function isSameAmount(payment: PaymentRow, result: GatewayResult): boolean {
  return result.amountMinor !== null && result.amountMinor === payment.amountVnd * 100;
}

/** Why the gateway says a payment failed, in Vietnamese (its response code's meaning). */
function failureReasonOf(result: GatewayResult): string {
  const code = result.responseCode;
  if (code && code in paymentResponseCodes) return paymentResponseCodes[code as PaymentResponseCode].vi;
  return result.transactionStatus ? `Giao dịch không thành công (trạng thái ${result.transactionStatus})` : 'Giao dịch không thành công';
}

export type SettleOutcome = 'settled' | 'already_settled' | 'still_pending';

function rawEntry(channel: NotificationChannel, at: Date, params: GatewayParams): string {
  return JSON.stringify([{ channel, at: at.toISOString(), params }]);
}

/**
 * Applies a signed, amount-checked gateway result to a payment inside a transaction: locks the row,
 * does nothing when it is no longer pending, else records the final status and, when paid, the
 * dossier's `pay` event, status change and audit.
 */
export async function settlePayment(
  tx: Tx,
  paymentId: string,
  result: GatewayResult,
  source: { via: 'ipn' | 'query'; channel: NotificationChannel; params: GatewayParams },
  at: Date,
): Promise<SettleOutcome> {
  const [locked] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
  if (!locked || locked.status !== 'pending') return 'already_settled';
  const raw = sql`${payments.rawNotifications} || ${rawEntry(source.channel, at, source.params)}::jsonb`;
  if (result.outcome === 'pending') {
    await tx.update(payments).set({ rawNotifications: raw }).where(eq(payments.id, paymentId));
    return 'still_pending';
  }
  const [settled] = await tx
    .update(payments)
    .set({
      status: result.outcome,
      gatewayResponseCode: result.responseCode?.slice(0, 2) ?? null,
      gatewayTransactionStatus: result.transactionStatus?.slice(0, 2) ?? null,
      gatewayTransactionNo: result.transactionNo,
      bankCode: result.bankCode,
      failureReason: result.outcome === 'failed' ? failureReasonOf(result) : null,
      settledVia: source.via,
      settledAt: at,
      paidAt: result.outcome === 'paid' ? (result.payDate ?? at) : null,
      rawNotifications: raw,
    })
    .where(eq(payments.id, paymentId))
    .returning();
  if (!settled) return 'already_settled';
  await recordAudit(
    tx,
    { kind: 'system', id: null },
    {
      action: `payment.${result.outcome}`,
      subjectType: 'payment',
      subjectId: settled.id,
      details: { orderRef: settled.orderRef, via: source.via, responseCode: result.responseCode, transactionNo: result.transactionNo },
    },
  );
  if (result.outcome === 'paid') await recordDossierPayment(tx, settled, at);
  return 'settled';
}

/** A payment is given up when the gateway never finished it this long after its pay URL expired. */
export const abandonedAfterExpiryMs = 15 * 60_000;

/** Marks a still-pending payment failed because it was never completed before its deadline. */
async function expirePayment(db: Db, payment: PaymentRow, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [expired] = await tx
      .update(payments)
      .set({ status: 'failed', failureReason: 'expired', settledVia: 'expiry', settledAt: at })
      .where(sql`${payments.id} = ${payment.id} and ${payments.status} = 'pending'`)
      .returning({ id: payments.id });
    if (!expired) return false;
    await recordAudit(
      tx,
      { kind: 'system', id: null },
      { action: 'payment.expired', subjectType: 'payment', subjectId: payment.id, details: { orderRef: payment.orderRef } },
    );
    return true;
  });
}

export type QuerySettlement = SettleOutcome | 'expired' | 'not_found' | 'invalid_amount';

/**
 * Asks the gateway how a payment stands (querydr) and settles it from the signed answer. With
 * `expireAbandoned`, a payment the gateway never finished (or never saw) well past its deadline fails
 * as expired. Throws PAYMENT_GATEWAY_UNAVAILABLE when the gateway cannot be asked.
 */
export async function settleFromQuery(
  deps: { db: Db; gateway: PaymentGateway; now: () => Date },
  payment: PaymentRow,
  options: { expireAbandoned: boolean },
): Promise<QuerySettlement> {
  const { db, gateway } = deps;
  const answer = await gateway.queryTransaction({ orderRef: payment.orderRef, createdAt: payment.createdAt }, deps.now());
  const at = deps.now();
  const isAbandoned = options.expireAbandoned && at.getTime() > payment.expiresAt.getTime() + abandonedAfterExpiryMs;
  const log = {
    at,
    channel: 'query' as const,
    orderRef: payment.orderRef,
    paymentId: payment.id,
    isSignatureValid: true,
    params: answer.raw,
  };
  if (!answer.isFound || answer.result.outcome === 'pending') {
    await recordNotification(db, { ...log, outcome: answer.isFound ? 'still_pending' : 'order_not_found' });
    if (isAbandoned && (await expirePayment(db, payment, at))) return 'expired';
    return answer.isFound ? 'still_pending' : 'not_found';
  }
  const result = answer.result;
  if (!isSameAmount(payment, result)) {
    await recordNotification(db, { ...log, outcome: 'invalid_amount' });
    return 'invalid_amount';
  }
  return db.transaction(async (tx) => {
    const outcome = await settlePayment(tx, payment.id, result, { via: 'query', channel: 'query', params: answer.raw }, at);
    await recordNotification(tx, { ...log, outcome: outcome === 'settled' ? 'confirmed' : 'already_confirmed' });
    return outcome;
  });
}
