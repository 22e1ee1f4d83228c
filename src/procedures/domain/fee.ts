import { z } from 'zod';

/**
 * Phí, lệ phí — the fee lines of a procedure version, as data the payments module can compute with.
 * A line is fixed (`amountVnd`), or described only by its rule text when the amount is set elsewhere
 * (a People's Council resolution under Circular 85/2019/TT-BTC) or assessed by the officer. Optional
 * structure makes a line computable: the form option that selects it, a quantity, and exemptions.
 */

/** A path to a form value: a root field (`copies`) or a field of a non-repeating group (`child.birthDate`). */
export const formValuePath = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)*$/, 'field or group.field');

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A test on the applicant's form data (and, for ages, the date the dossier is filed). */
export type FeeCondition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number | boolean)[] }
  | { field: string; checked: boolean }
  /** The date in `field` (a birth date) makes the person younger than this many full years. */
  | { field: string; ageUnderYears: number }
  /** The date in `field` (an event) is at most this many days before the filing date. */
  | { field: string; notOlderThanDays: number }
  | { not: FeeCondition };

export const feeCondition: z.ZodType<FeeCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: formValuePath, equals: scalar }),
    z.strictObject({ field: formValuePath, in: z.array(scalar).min(1) }),
    z.strictObject({ field: formValuePath, checked: z.boolean() }),
    z.strictObject({ field: formValuePath, ageUnderYears: z.number().int().min(1).max(150) }),
    z.strictObject({ field: formValuePath, notOlderThanDays: z.number().int().min(0).max(36_500) }),
    z.strictObject({ not: feeCondition }),
  ]),
);

/** Miễn phí, lệ phí — who does not pay a line, and the law that says so. */
export const feeExemption = z.strictObject({
  when: feeCondition,
  /** Đối tượng được miễn, in Vietnamese: "Người thuộc hộ nghèo". */
  reason: z.string().min(1),
  /** The legal provision: "Luật Hộ tịch 2014, điều 11 khoản 1 điểm a". */
  legalBasis: z.string().min(1),
});

/** One fee line of a procedure version. */
export const fee = z.strictObject({
  name: z.string().min(1),
  /** Fixed amount in VND (per unit when `perUnit` is set); absent when only the rule text fixes it. */
  amountVnd: z.number().int().min(0).optional(),
  rule: z.string().min(1).optional(),
  /** Theo lựa chọn — the line is due only when the form data meets this condition. */
  appliesWhen: feeCondition.optional(),
  /** The amount is per unit; the form's number field holds how many (copies, pages). Missing means 1. */
  perUnit: z.strictObject({ field: formValuePath, max: z.number().int().min(1).optional() }).optional(),
  /** The first exemption that holds waives the whole line. */
  exemptions: z.array(feeExemption).optional(),
});

export type FeeExemption = z.infer<typeof feeExemption>;
export type Fee = z.infer<typeof fee>;

/**
 * Miễn lệ phí hộ tịch — Law on Civil Status 60/2014/QH13 art. 11(1)(a): civil-status registration is
 * free for people of families with revolutionary contributions, of poor households, and people with
 * disabilities. The applicant declares the category in the form field `feeExemptionCategory`; the
 * officer checks the proof at reception.
 */
export const civilStatusFeeExemptions: FeeExemption[] = [
  {
    when: { field: 'feeExemptionCategory', equals: 'revolutionary_family' },
    reason: 'Người thuộc gia đình có công với cách mạng',
    legalBasis: 'Luật Hộ tịch 60/2014/QH13, điều 11 khoản 1 điểm a',
  },
  {
    when: { field: 'feeExemptionCategory', equals: 'poor_household' },
    reason: 'Người thuộc hộ nghèo',
    legalBasis: 'Luật Hộ tịch 60/2014/QH13, điều 11 khoản 1 điểm a',
  },
  {
    when: { field: 'feeExemptionCategory', equals: 'disability' },
    reason: 'Người khuyết tật',
    legalBasis: 'Luật Hộ tịch 60/2014/QH13, điều 11 khoản 1 điểm a',
  },
];
