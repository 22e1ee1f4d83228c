import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt } from 'drizzle-orm';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import type { Db } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { totalOwedVnd } from '../dossiers/domain/financial-obligation.ts';
import { computeFeeObligation } from './domain/fee-obligation.ts';
import { isPayableStatus, orderInfoFor, outstandingVnd, paymentLinesFor, payUrlLifetimeMinutes } from './domain/payment-rules.ts';
import { findApplicantDossier, paidAmountsOf } from './dossier-payment.ts';
import type { PayOrder, PaymentGateway } from './gateway/gateway.ts';
import { payments, type PaymentRow } from './schema.ts';

export interface PaymentDeps {
  db: Db;
  /** Null when no gateway is configured: starting a payment then answers 503. */
  gateway: PaymentGateway | null;
  /** Public origin of the platform, for the gateway's return URL. */
  publicUrl: string;
  now: () => Date;
}

/** Path the gateway sends the browser back to. */
export const paymentReturnPath = '/payments/return';

const base32 = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';

/** vnp_TxnRef: the Vietnam date (yyMMdd) and 10 random characters; unguessable and unique for ever. */
export function newOrderRef(at: Date): string {
  const date = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
  const random = [...randomBytes(10)].map((b) => base32[b % 32]).join('');
  return `${date}${random}`;
}

/** A pending attempt of the dossier for this amount whose pay URL stays valid for at least another minute. */
async function findOpenAttempt(db: Db, dossierId: string, amountVnd: number, now: Date): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.dossierId, dossierId),
        eq(payments.status, 'pending'),
        eq(payments.amountVnd, amountVnd),
        gt(payments.expiresAt, new Date(now.getTime() + 60_000)),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return row ?? null;
}

export interface StartedPayment {
  paymentId: string;
  orderRef: string;
  amountVnd: number;
  expiresAt: Date;
  redirectUrl: string;
}

/**
 * Starts paying a dossier's outstanding fees online: only its applicant, only while the dossier is in a
 * payable status with something still owed. Records a pending payment (or resumes one still open)
 * and answers the gateway URL.
 */
export async function startPayment(
  deps: PaymentDeps,
  citizen: CitizenPrincipal,
  dossierCode: string,
  request: { clientIp: string; locale: 'vn' | 'en'; actor: Actor },
): Promise<StartedPayment> {
  const { db, gateway } = deps;
  const dossier = await findApplicantDossier(db, citizen, dossierCode);
  if (!isPayableStatus(dossier.status)) throw new AppError('PAYMENT_NOT_DUE', { status: dossier.status });
  const owedVnd = totalOwedVnd(dossier.feeTotalVnd, dossier.financialObligations);
  const amountVnd = outstandingVnd(owedVnd, await paidAmountsOf(db, dossier.id));
  if (amountVnd <= 0) throw new AppError('PAYMENT_NOT_DUE', { owedVnd, outstandingVnd: 0 });
  if (!gateway) throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { reason: 'no payment gateway configured' });

  const now = deps.now();
  const order = (p: PaymentRow): PayOrder => ({
    orderRef: p.orderRef,
    amountVnd: p.amountVnd,
    orderInfo: p.orderInfo,
    returnUrl: `${deps.publicUrl}${paymentReturnPath}`,
    createdAt: p.createdAt,
    expiresAt: p.expiresAt,
    clientIp: request.clientIp,
    locale: request.locale,
  });
  // An attempt still open for the same amount is resumed rather than doubled (two tabs, back button).
  const open = await findOpenAttempt(db, dossier.id, amountVnd, now);
  if (open)
    return {
      paymentId: open.id,
      orderRef: open.orderRef,
      amountVnd,
      expiresAt: open.expiresAt,
      redirectUrl: gateway.buildPayUrl(order(open)),
    };

  const [version] = await db
    .select({ fees: procedureVersions.fees })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  const obligation = computeFeeObligation({ fees: version?.fees ?? [] }, dossier.formData, { filedAt: dossier.submittedAt });
  const expiresAt = new Date(now.getTime() + payUrlLifetimeMinutes * 60_000);
  const orderRef = newOrderRef(now);
  const orderInfo = orderInfoFor(dossier.code);
  const payment = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values({
        dossierId: dossier.id,
        orderRef,
        merchantCode: gateway.merchantCode,
        payerCitizenId: citizen.id,
        amountVnd,
        lines: paymentLinesFor(obligation, amountVnd, dossier.financialObligations),
        orderInfo,
        createdAt: now,
        expiresAt,
      })
      .returning();
    if (!row) throw new Error('payment insert returned nothing');
    await recordAudit(tx, request.actor, {
      action: 'payment.start',
      subjectType: 'dossier',
      subjectId: dossier.id,
      details: { paymentId: row.id, orderRef, amountVnd },
    });
    return row;
  });
  return { paymentId: payment.id, orderRef, amountVnd, expiresAt, redirectUrl: gateway.buildPayUrl(order(payment)) };
}
