import type { Fee, FeeCondition } from '../../procedures/domain/fee.ts';
import { valueMeets } from '../../procedures/forms/validate.ts';

/**
 * Nghĩa vụ tài chính — what an applicant owes for a dossier, computed from the fee lines of the
 * procedure version it was filed under and the applicant's form data. Pure: no clock, no I/O.
 */

/** One fee line that applies to the dossier. */
export interface FeeObligationLine {
  name: string;
  rule: string | null;
  /** Amount per unit (or for the line when it is not per unit); null when the rules do not fix it. */
  unitAmountVnd: number | null;
  quantity: number;
  /** Before any exemption; null when the amount must be assessed (HĐND resolution, officer). */
  amountVnd: number | null;
  /** What the applicant owes for the line: 0 when exempt, null while it still has to be assessed. */
  dueVnd: number | null;
  exemption: { reason: string; legalBasis: string } | null;
}

/** An exemption that waived a line. */
export interface AppliedExemption {
  line: string;
  reason: string;
  legalBasis: string;
  /** The amount waived; null when the line's amount was not fixed anyway. */
  waivedVnd: number | null;
}

export interface FeeObligation {
  lines: FeeObligationLine[];
  /** Sum of the determined amounts due. */
  totalVnd: number;
  exemptions: AppliedExemption[];
  /** True when a line's amount still has to be assessed; `totalVnd` leaves those lines out. */
  hasUndeterminedLines: boolean;
}

type FormData = Record<string, unknown>;

/** The value at `a.b.c` in nested form data, or undefined. */
export function readFormValue(data: FormData, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.hasOwn(current, key) ? (current as FormData)[key] : undefined;
  }
  return current;
}

/** A YYYY-MM-DD string as a UTC midnight timestamp, or null when it is not a real date. */
function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) return null;
  return time;
}

/** The calendar date in Vietnam (UTC+7) at an instant, YYYY-MM-DD. */
export function vietnamDateOf(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Full years between a birth date and a date, both YYYY-MM-DD. */
function fullYearsBetween(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Whether a fee condition holds for the form data on the filing date (YYYY-MM-DD, Vietnam). */
export function feeConditionHolds(condition: FeeCondition, data: FormData, filedOn: string): boolean {
  if ('not' in condition) return !feeConditionHolds(condition.not, data, filedOn);
  const value = readFormValue(data, condition.field);
  if ('ageUnderYears' in condition) {
    if (dayNumber(value) === null) return false;
    return fullYearsBetween(value as string, filedOn) < condition.ageUnderYears;
  }
  if ('notOlderThanDays' in condition) {
    const day = dayNumber(value);
    const filed = dayNumber(filedOn);
    if (day === null || filed === null) return false;
    return (filed - day) / 86_400_000 <= condition.notOlderThanDays;
  }
  return valueMeets(condition, value);
}

/** How many units a per-unit line counts: the form's whole number (capped), else 1. */
function quantityOf(line: Fee, data: FormData): number {
  if (!line.perUnit) return 1;
  const value = readFormValue(data, line.perUnit.field);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return 1;
  return line.perUnit.max === undefined ? value : Math.min(value, line.perUnit.max);
}

/**
 * The fee obligation of a dossier: the lines its form selects, their quantities, the exemptions that
 * apply (first matching exemption per line) and the total due. `filedAt` is when the dossier was
 * filed; age and deadline rules (on-time birth registration) are judged on that date in Vietnam.
 */
export function computeFeeObligation(version: { fees: readonly Fee[] }, formData: FormData, context: { filedAt: Date }): FeeObligation {
  const filedOn = vietnamDateOf(context.filedAt);
  const lines: FeeObligationLine[] = [];
  const exemptions: AppliedExemption[] = [];
  for (const fee of version.fees) {
    if (fee.appliesWhen && !feeConditionHolds(fee.appliesWhen, formData, filedOn)) continue;
    const quantity = quantityOf(fee, formData);
    const unitAmountVnd = fee.amountVnd ?? null;
    const amountVnd = unitAmountVnd === null ? null : unitAmountVnd * quantity;
    const exemption = fee.exemptions?.find((e) => feeConditionHolds(e.when, formData, filedOn)) ?? null;
    if (exemption) exemptions.push({ line: fee.name, reason: exemption.reason, legalBasis: exemption.legalBasis, waivedVnd: amountVnd });
    lines.push({
      name: fee.name,
      rule: fee.rule ?? null,
      unitAmountVnd,
      quantity,
      amountVnd,
      dueVnd: exemption ? 0 : amountVnd,
      exemption: exemption ? { reason: exemption.reason, legalBasis: exemption.legalBasis } : null,
    });
  }
  return {
    lines,
    totalVnd: lines.reduce((sum, l) => sum + (l.dueVnd ?? 0), 0),
    exemptions,
    hasUndeterminedLines: lines.some((l) => l.dueVnd === null),
  };
}
