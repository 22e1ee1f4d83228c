import { recordAudit, type Actor } from '../platform/audit/record.ts';
import type { Tx } from '../platform/db/client.ts';
import { totalOwedVnd } from '../dossiers/domain/financial-obligation.ts';
import type { DossierRow } from '../dossiers/schema.ts';
import { counterPaymentLines, orderInfoFor, outstandingVnd, type CounterPaymentMethod } from './domain/payment-rules.ts';
import { paidAmountsOf } from './dossier-payment.ts';
import { newOrderRef } from './start-payment.ts';
import { payments } from './schema.ts';

/** A counter payment as the confirming event records it. */
export interface CounterPaymentRecord {
  paymentId: string;
  orderRef: string;
  amountVnd: number;
  channel: 'counter';
  method: CounterPaymentMethod;
}

/**
 * Thu tại quầy — when an officer at the counter confirms a financial obligation (status 6 → 4), what
 * the dossier still owes was paid there: it is recorded as one paid payment (cash or POS) with its
 * lines, in the confirmation's own transaction, audited. Its e-receipt is served like an online one's.
 * Nothing is recorded when nothing is owed (e.g. already paid online).
 */
export async function recordCounterPayment(
  tx: Tx,
  input: { dossier: DossierRow; method: CounterPaymentMethod; officerId: string | null; at: Date },
  actor: Actor,
): Promise<CounterPaymentRecord | null> {
  const { dossier, at } = input;
  const paid = await paidAmountsOf(tx, dossier.id);
  const amountVnd = outstandingVnd(totalOwedVnd(dossier.feeTotalVnd, dossier.financialObligations), paid);
  if (amountVnd === 0) return null;
  const paidVnd = paid.reduce((sum, a) => sum + a, 0);
  const orderRef = newOrderRef(at);
  const [row] = await tx
    .insert(payments)
    .values({
      dossierId: dossier.id,
      orderRef,
      // Collected by the agency whose counter received the dossier, not through a gateway merchant.
      merchantCode: dossier.receivingAgencyCode,
      payerCitizenId: dossier.applicantCitizenId,
      amountVnd,
      lines: counterPaymentLines(dossier.feeTotalVnd, dossier.financialObligations, paidVnd, amountVnd),
      orderInfo: orderInfoFor(dossier.code),
      status: 'paid',
      channel: 'counter',
      counterMethod: input.method,
      receivedByOfficerId: input.officerId,
      createdAt: at,
      expiresAt: at,
      settledAt: at,
      paidAt: at,
    })
    .returning({ id: payments.id });
  if (!row) throw new Error('counter payment not inserted');
  const record: CounterPaymentRecord = { paymentId: row.id, orderRef, amountVnd, channel: 'counter', method: input.method };
  await recordAudit(tx, actor, { action: 'dossier.pay_counter', subjectType: 'dossier', subjectId: dossier.id, details: record });
  return record;
}
