import { z } from 'zod';

/**
 * The national public service portal's Decision 766 evaluation responses, as its endpoints return
 * them (see shared/data/national-portal/README.md). Unknown fields are kept, for the raw record.
 */

const departmentCode = z.string().min(1);
const count = z.number().int().nonnegative();
const score = z.number().nonnegative().nullable();

/** A flat row has its group score as `score` (children) or `totalScore` (the parent), or both. */
const hasScore = (row: { score?: number | null | undefined; totalScore?: number | null | undefined }) =>
  row.score !== undefined || row.totalScore !== undefined;
/** A flat row's score fields: the parent has totalScore/totalMaxScore, children also score/maxScore. */
const flatScores = {
  score: score.optional(),
  totalScore: score.optional(),
  maxScore: z.number().optional(),
  totalMaxScore: z.number().optional(),
};
const scoreMessage = { message: 'a row needs score or totalScore' };

/** dvc-progress-tree: dossiers received and handled on time. */
export const progressRowSchema = z
  .looseObject({ departmentCode, totalReceived: count, totalOnTime: count, ...flatScores })
  .refine(hasScore, scoreMessage);
export type ProgressRow = z.infer<typeof progressRowSchema>;

/** formality-online-payment-tree: dossiers and fee-bearing procedures paid online. */
export const paymentRowSchema = z
  .looseObject({
    departmentCode,
    totalDossierOnlinePaymentSuccess: count,
    totalDossierFinancialObligation: count,
    totalDossierOnlineFormalityPaymentSuccess: count,
    totalFeeDossierFormality: count,
    totalFeeFormality: count,
    ...flatScores,
  })
  .refine(hasScore, scoreMessage);
export type PaymentRow = z.infer<typeof paymentRowSchema>;

/** A metric of the metric-list shape; `numerator: null` with a ratio means the ratio is decided elsewhere. */
export const portalMetricSchema = z.looseObject({
  code: z.string().min(1),
  numerator: count.nullable(),
  denominator: count.nullable(),
  ratio: z.number().min(0).nullable(),
  score,
  maxScore: z.number().nonnegative(),
});
export type PortalMetric = z.infer<typeof portalMetricSchema>;

/** A unit's row of dossier-digitized, handling-satisfaction and transparency. */
export const metricRowSchema = z.looseObject({
  departmentCode,
  totalScore: score,
  totalMaxScore: z.number().nonnegative(),
  metrics: z.array(portalMetricSchema),
});
export type MetricRow = z.infer<typeof metricRowSchema>;

const okCode = z.literal('OK', { message: 'the portal answered with an error code' });

/** Flat shape: `{code, data: {parent, children[]}}`. */
export const flatResponseSchema = <Row extends z.ZodType>(row: Row) =>
  z.object({ code: okCode, data: z.object({ parent: row, children: z.array(row) }) });

/** Metric-list shape: `{code, data: {overview, evaluation[]}}`. */
export const metricResponseSchema = z.object({
  code: okCode,
  data: z.object({ overview: metricRowSchema, evaluation: z.array(metricRowSchema) }),
});

export const progressResponseSchema = flatResponseSchema(progressRowSchema);
export const paymentResponseSchema = flatResponseSchema(paymentRowSchema);
