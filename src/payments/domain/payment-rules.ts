import type { DossierStatus } from '../../dossiers/schema.ts';
import { paidObligationFlags, type FinancialObligation } from '../../dossiers/domain/financial-obligation.ts';
import type { FeeObligation } from './fee-obligation.ts';

/**
 * Rules of online fee payment that need no storage: when a dossier may be paid, what it owes, what
 * a payment covers, and what the dossier's status becomes once paid.
 */

/** A payment attempt: pending until the gateway reports it paid, failed or cancelled (final states). */
export const paymentStatuses = ['pending', 'paid', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** Where a payment was made: online through the gateway, or at the one-stop counter. */
export const paymentChannels = ['online', 'counter'] as const;
export type PaymentChannel = (typeof paymentChannels)[number];

/** How a counter payment was made: cash, or a card on the counter's terminal (POS). */
export const counterPaymentMethods = ['cash', 'pos'] as const;
export type CounterPaymentMethod = (typeof counterPaymentMethods)[number];

/** The one line a payment gets when its amount matches no set of the dossier's own lines. */
const wholeObligationLine = 'Phí, lệ phí theo nghĩa vụ tài chính của hồ sơ';

/** One line of what a payment pays for, kept as it was when the payment started (receipt). */
export interface PaymentLine {
  name: string;
  quantity: number;
  amountVnd: number;
}

/**
 * Statuses in which the applicant may pay online: from submission (1) until the result is ready (9),
 * but not once refused (3), withdrawn (7), stopped (8) or returned (10).
 */
const payableStatuses: ReadonlySet<DossierStatus> = new Set<DossierStatus>([1, 2, 4, 5, 6, 9]);

/** Whether a dossier in this status accepts an online payment. */
export function isPayableStatus(status: DossierStatus): boolean {
  return payableStatuses.has(status);
}

/**
 * The status after a successful payment: 6 (Yêu cầu thực hiện nghĩa vụ tài chính) goes back to
 * 4 (Đang xử lý); every other status stays. Mirror of the transition table's `pay` row.
 */
export function statusAfterPayment(status: DossierStatus): DossierStatus {
  return status === 6 ? 4 : status;
}

/** What is still owed: everything the dossier owes (fees and obligations) less what its paid payments covered (never below 0). */
export function outstandingVnd(owedVnd: number, paidAmounts: readonly number[]): number {
  return Math.max(0, owedVnd - paidAmounts.reduce((sum, a) => sum + a, 0));
}

/**
 * The lines a payment of `amountVnd` covers: the fee rules' own lines (with the obligations officers
 * determined) when they add up to it exactly (the usual case); the determined obligations alone when
 * the fees were paid before; else one line for the amount (the rest of a partly paid obligation).
 */
export function paymentLinesFor(
  obligation: FeeObligation,
  amountVnd: number,
  determined: readonly Pick<FinancialObligation, 'amountVnd' | 'description'>[] = [],
): PaymentLine[] {
  const due = obligation.lines.filter((l) => l.dueVnd !== null && l.dueVnd > 0);
  const determinedLines = determined.map((o) => ({ name: o.description, quantity: 1, amountVnd: o.amountVnd }));
  const determinedVnd = determinedLines.reduce((sum, l) => sum + l.amountVnd, 0);
  if (!obligation.hasUndeterminedLines && obligation.totalVnd + determinedVnd === amountVnd && due.length > 0)
    return [...due.map((l) => ({ name: l.name, quantity: l.quantity, amountVnd: l.dueVnd ?? 0 })), ...determinedLines];
  if (determinedLines.length > 0 && determinedVnd === amountVnd) return determinedLines;
  return [{ name: wholeObligationLine, quantity: 1, amountVnd }];
}

/**
 * The lines a counter payment of what is still owed covers: the obligations not yet paid (fees and
 * earlier obligations are covered first, see paidObligationFlags) when they make up the amount
 * exactly; else one line for the amount.
 */
export function counterPaymentLines(
  feeTotalVnd: number,
  obligations: readonly FinancialObligation[],
  paidVnd: number,
  amountVnd: number,
): PaymentLine[] {
  const isPaid = paidObligationFlags(feeTotalVnd, obligations, paidVnd);
  const unpaid = obligations.filter((_, i) => !isPaid[i]).map((o) => ({ name: o.description, quantity: 1, amountVnd: o.amountVnd }));
  if (unpaid.length > 0 && unpaid.reduce((sum, l) => sum + l.amountVnd, 0) === amountVnd) return unpaid;
  return [{ name: wholeObligationLine, quantity: 1, amountVnd }];
}

/** vnp_OrderInfo: plain ASCII (gateways refuse diacritics and special characters). */
export function orderInfoFor(dossierCode: string): string {
  return `Thanh toan le phi ho so ${dossierCode.replace(/[^A-Za-z0-9.-]/g, '')}`;
}

/** The `thanh-toan` value of the web page the citizen returns to, from the payment's recorded status. */
export const returnPageResult: Record<PaymentStatus, string> = {
  paid: 'da-thanh-toan',
  pending: 'dang-xu-ly',
  failed: 'that-bai',
  cancelled: 'da-huy',
};

/** Minutes a pay URL stays valid (vnp_ExpireDate); the gateway refuses it afterwards. */
export const payUrlLifetimeMinutes = 15;
