import type { Fee } from '../../procedures/domain/procedure.ts';

/**
 * Whether a procedure bears a fee or charge (TTHC có phí, lệ phí) for the online-payment indicators:
 * a fee with a positive amount, or one set by a rule that is not an exemption ("Miễn", "Không thu").
 */
export function isFeeBearing(fees: readonly Fee[]): boolean {
  return fees.some((fee) => (fee.amountVnd === undefined ? !/miễn|không thu/i.test(fee.rule ?? '') : fee.amountVnd > 0));
}
