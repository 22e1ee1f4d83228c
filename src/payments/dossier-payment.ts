import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../platform/audit/record.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { dossierEvents, dossiers, type DossierRow, type DossierStatus } from '../dossiers/schema.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { totalOwedVnd } from '../dossiers/domain/financial-obligation.ts';
import { statusAfterPayment } from './domain/payment-rules.ts';
import { payments, type PaymentRow } from './schema.ts';

/**
 * Where payments touch the dossier: finding the applicant's own dossier, and what a successful payment
 * does to it (a `pay` event, the 6 → 4 status change, the audit row), all in the settling transaction.
 */

/** The dossier with this code when the citizen is its applicant; anybody else gets DOSSIER_NOT_FOUND (no enumeration). */
export async function findApplicantDossier(q: Queryable, citizen: CitizenPrincipal, code: string): Promise<DossierRow> {
  const [dossier] = await q
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.code, code), eq(dossiers.applicantCitizenId, citizen.id)));
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { code });
  return dossier;
}

/** Sum of what paid payments of the dossier covered. */
export async function paidAmountsOf(q: Queryable, dossierId: string): Promise<number[]> {
  const rows = await q
    .select({ amountVnd: payments.amountVnd })
    .from(payments)
    .where(and(eq(payments.dossierId, dossierId), eq(payments.status, 'paid')));
  return rows.map((r) => r.amountVnd);
}

/**
 * Trạng thái sau khi nộp phí — THE status change payments makes: a dossier in 6 (financial obligation)
 * goes back to 4 (processing) once everything owed is paid; other statuses stay. The coordinator routes
 * this through the dossier transition table (action `pay`) when the workflow branch is merged.
 */
export async function resumeProcessingAfterPayment(
  tx: Tx,
  dossier: DossierRow,
  at: Date,
  isFullyPaid: boolean,
): Promise<{ fromStatus: DossierStatus; toStatus: DossierStatus }> {
  // A payment started before the obligation was determined (its amount smaller) leaves the dossier waiting.
  const toStatus = isFullyPaid ? statusAfterPayment(dossier.status) : dossier.status;
  await tx
    .update(dossiers)
    .set({ status: toStatus, version: sql`${dossiers.version} + 1`, updatedAt: at })
    .where(eq(dossiers.id, dossier.id));
  return { fromStatus: dossier.status, toStatus };
}

/** Records a successful payment on its dossier: status change, `pay` event and audit row, in the caller's transaction. */
export async function recordDossierPayment(tx: Tx, payment: PaymentRow, at: Date): Promise<void> {
  const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, payment.dossierId)).for('update');
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { dossierId: payment.dossierId });
  const paidBefore = (await paidAmountsOf(tx, dossier.id)).reduce((sum, a) => sum + a, 0) - payment.amountVnd;
  const owedVnd = totalOwedVnd(dossier.feeTotalVnd, dossier.financialObligations);
  const { fromStatus, toStatus } = await resumeProcessingAfterPayment(tx, dossier, at, paidBefore + payment.amountVnd >= owedVnd);
  const details = {
    paymentId: payment.id,
    orderRef: payment.orderRef,
    amountVnd: payment.amountVnd,
    gatewayTransactionNo: payment.gatewayTransactionNo,
    bankCode: payment.bankCode,
    settledVia: payment.settledVia,
    payerCitizenId: payment.payerCitizenId,
    // The index counts online payments (Decision 766, "Thanh toán trực tuyến").
    channel: 'online',
    // Two attempts both paid (two tabs): the money was taken, so it is recorded, and flagged for a refund.
    isOverpayment: paidBefore >= owedVnd,
  };
  await tx.insert(dossierEvents).values({
    dossierId: dossier.id,
    at,
    action: 'pay',
    fromStatus,
    toStatus,
    fromStep: dossier.currentStep,
    toStep: dossier.currentStep,
    // Confirmed server-to-server by the gateway, not by anybody's session.
    actorKind: 'system',
    actorId: null,
    reason: null,
    details,
  });
  await recordAudit(tx, { kind: 'system', id: null }, { action: 'dossier.pay', subjectType: 'dossier', subjectId: dossier.id, details });
}
