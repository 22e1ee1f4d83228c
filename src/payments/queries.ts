import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { outstandingVnd, type PaymentLine, type PaymentStatus } from './domain/payment-rules.ts';
import { totalOwedVnd, type FinancialObligation } from '../dossiers/domain/financial-obligation.ts';
import { findApplicantDossier } from './dossier-payment.ts';
import { payments } from './schema.ts';

export interface PaymentSummary {
  id: string;
  orderRef: string;
  amountVnd: number;
  status: PaymentStatus;
  lines: PaymentLine[];
  createdAt: Date;
  paidAt: Date | null;
  gatewayTransactionNo: string | null;
  bankCode: string | null;
  failureReason: string | null;
  /** Where the e-receipt is, once paid. */
  receiptUrl: string | null;
}

export interface DossierPayments {
  dossierCode: string;
  feeTotalVnd: number;
  /** Obligations officers determined during processing, owed besides the fees. */
  financialObligations: FinancialObligation[];
  outstandingVnd: number;
  items: PaymentSummary[];
}

/** The payments of the citizen's own dossier, oldest first, with what is still owed. */
export async function listDossierPayments(q: Queryable, citizen: CitizenPrincipal, dossierCode: string): Promise<DossierPayments> {
  const dossier = await findApplicantDossier(q, citizen, dossierCode);
  const rows = await q.select().from(payments).where(eq(payments.dossierId, dossier.id)).orderBy(asc(payments.createdAt));
  const paid = rows.filter((r) => r.status === 'paid').map((r) => r.amountVnd);
  return {
    dossierCode: dossier.code,
    feeTotalVnd: dossier.feeTotalVnd,
    financialObligations: dossier.financialObligations,
    outstandingVnd: outstandingVnd(totalOwedVnd(dossier.feeTotalVnd, dossier.financialObligations), paid),
    items: rows.map((r) => ({
      id: r.id,
      orderRef: r.orderRef,
      amountVnd: r.amountVnd,
      status: r.status,
      lines: r.lines,
      createdAt: r.createdAt,
      paidAt: r.paidAt,
      gatewayTransactionNo: r.gatewayTransactionNo,
      bankCode: r.bankCode,
      failureReason: r.failureReason,
      receiptUrl: r.status === 'paid' ? `/api/v1/payments/${r.id}/receipt.pdf` : null,
    })),
  };
}
