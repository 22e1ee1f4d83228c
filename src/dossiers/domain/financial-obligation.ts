/**
 * Nghĩa vụ tài chính — what the handling agency determines during processing that the applicant must
 * pay before processing continues (status 6), e.g. "Lệ phí cấp giấy chứng nhận". Pure rules: no I/O.
 */

/** One obligation an officer determined: the amount in whole đồng and what it is for. */
export interface FinancialObligation {
  amountVnd: number;
  description: string;
  /** ISO 8601 instant of the request. */
  requestedAt: string;
}

/**
 * Largest amount accepted (1.000 tỷ đồng): land-use levies can be large, and the gateway sends
 * VND × 100, which must stay an exact integer.
 */
export const maxObligationVnd = 1_000_000_000_000;

/** Whether an officer's amount is acceptable: a whole number of đồng, above 0 and at most the cap. */
export function isValidObligationAmount(amountVnd: number | undefined): amountVnd is number {
  return amountVnd !== undefined && Number.isSafeInteger(amountVnd) && amountVnd > 0 && amountVnd <= maxObligationVnd;
}

/** Sum of the obligations an officer determined. */
export function obligationsTotalVnd(obligations: readonly FinancialObligation[]): number {
  return obligations.reduce((sum, o) => sum + o.amountVnd, 0);
}

/** Everything the dossier must pay: the fees fixed at submission plus the obligations determined since. */
export function totalOwedVnd(feeTotalVnd: number, obligations: readonly FinancialObligation[]): number {
  return feeTotalVnd + obligationsTotalVnd(obligations);
}

/**
 * Which obligations are paid: what was paid covers the fees fixed at submission first, then the
 * obligations in the order they were determined; an obligation counts as paid once wholly covered.
 */
export function paidObligationFlags(feeTotalVnd: number, obligations: readonly FinancialObligation[], paidVnd: number): boolean[] {
  let left = paidVnd - feeTotalVnd;
  return obligations.map((o) => {
    const isPaid = left >= o.amountVnd;
    left -= o.amountVnd;
    return isPaid;
  });
}
