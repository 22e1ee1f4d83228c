import { z } from 'zod';
import { drillKinds, kpiCodes } from '../domain/kpis.ts';

/** Periods are checked by the use case (VALIDATION_FAILED with the reason); here only their shape's size. */
const period = z.string().min(4).max(7).describe('"2026-10" (month), "2026-Q3" (quarter) or "2026" (year)');
const view = z
  .enum(['current', 'historical'])
  .default('current')
  .describe(
    'current: periods before 2025-07-01 re-mapped onto today’s units (split units shared out, marked as estimates); historical: units as they were',
  );
const format = z.enum(['json', 'xlsx', 'csv']).default('json').describe('json, or a file laid out as an official would print it');
const unitCode = z
  .string()
  .regex(/^\d{2}(\d{3})?$/)
  .describe('The province (79) or one of its current communes (5 digits)');

const label = z.object({ vi: z.string(), en: z.string() });

export const overviewQuery = z.strictObject({ period, unit: unitCode, view });
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const rankingQuery = z.strictObject({
  period,
  level: z.enum(['commune', 'agency']).default('commune'),
  indicator: z
    .string()
    .regex(/^[A-Z_]{3,40}$/)
    .default('INDEX')
    .describe(`INDEX, a KPI (${kpiCodes.join(', ')}), an index group (PROGRESS, PAYMENT, …) or an index indicator code`),
  view,
  format,
});
export type RankingQuery = z.infer<typeof rankingQuery>;

export const drilldownQuery = z.strictObject({
  period,
  unit: unitCode,
  kind: z.enum(drillKinds).default('late').describe('Which dossiers: late (national rule), received, online, genuine, assisted, …'),
  view,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  format,
});
export type DrilldownQuery = z.infer<typeof drilldownQuery>;

export const mapQuery = z.strictObject({ province: z.string().regex(/^\d{2}$/) });

export const reconciliationQuery = z.strictObject({
  period: period.optional().describe('An imported period ("2026-03"); the newest imported one by default'),
  format,
});
export type ReconciliationQuery = z.infer<typeof reconciliationQuery>;

export const reconciliationResponse = z.object({
  provinceCode: z.string(),
  period: z.string().nullable(),
  periods: z.array(z.string()),
  formulaSetId: z.string(),
  tolerance: z.number(),
  lines: z.array(
    z.object({
      departmentCode: z.string(),
      isProvince: z.boolean(),
      mappedTo: z
        .object({ kind: z.enum(['province', 'unit', 'agency']), code: z.string(), name: z.string(), nameEn: z.string().nullable() })
        .nullable()
        .describe('The province, or the commune/agency an administrator mapped the portal code onto; null when not mapped'),
      group: z.string(),
      metric: z.string(),
      label,
      maxScore: z.number().nullable(),
      published: z.number().nullable(),
      recomputed: z.number().nullable(),
      delta: z.number().nullable(),
      own: z.number().nullable(),
      ownDelta: z.number().nullable(),
      isRecomputedDifferent: z.boolean(),
      isOwnDifferent: z.boolean(),
    }),
  ),
});

export const nationalQuery = z.strictObject({
  period,
  indicator: z
    .string()
    .regex(/^[A-Z_]{3,40}$/)
    .default('INDEX')
    .describe('INDEX, a KPI, an index group or an index indicator code'),
});
export type NationalQuery = z.infer<typeof nationalQuery>;

export const nationalResponse = z.object({
  period: z.string(),
  indicator: z.object({ code: z.string(), label, unit: z.enum(['points', 'percent', 'days']), isHigherBetter: z.boolean() }),
  provinces: z.array(
    z.object({ provinceCode: z.string(), value: z.number().nullable(), source: z.enum(['platform', 'portal']).nullable() }),
  ),
});

const periodInfo = z.object({ text: z.string(), start: z.string(), end: z.string(), asOf: z.string(), isComplete: z.boolean() });
const unitInfo = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  fullNameEn: z.string().nullable(),
  level: z.enum(['province', 'commune']),
  isCurrent: z.boolean(),
});
const headline = z.object({
  received: z.number(),
  completed: z.number(),
  onTime: z.number(),
  late: z.number(),
  openOverdue: z.number(),
  judged: z.number(),
  votes: z.number(),
  complaints: z.number(),
});
const kpi = z.object({
  code: z.enum(kpiCodes),
  label,
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  unit: z.enum(['percent', 'days']),
  isHigherBetter: z.boolean(),
});
const metric = z.object({
  code: z.string(),
  label,
  score: z.number().nullable(),
  maxScore: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ratio: z.number().nullable(),
  isApplicable: z.boolean(),
  isMeasured: z.boolean().describe('false: the platform has no data for it; the portal’s figure is needed'),
});
const group = z.object({
  group: z.string(),
  label,
  total: z.number(),
  maxScore: z.number(),
  isConfirmed: z.boolean().describe('false: the portal has not published this formula (online services); the score is an estimate'),
  note: label.nullable(),
  metrics: z.array(metric),
});

export const overviewResponse = z.object({
  period: periodInfo,
  view: z.enum(['current', 'historical']),
  unit: unitInfo,
  isEstimate: z.boolean(),
  headline,
  index: z.object({
    formulaSetId: z.string(),
    isFormulaBackdated: z.boolean(),
    total: z.number(),
    maxScore: z.number(),
    measuredMaxScore: z.number(),
    groups: z.array(group),
  }),
  kpis: z.array(kpi),
  trend: z.array(
    z.object({
      month: z.string(),
      indexTotal: z.number(),
      onlineRate: z.number().nullable(),
      genuineOnlineRate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
      received: z.number(),
    }),
  ),
});

const rankingRow = z.object({
  rank: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  unitId: z.number().int().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  indexTotal: z.number(),
  headline,
  isEstimate: z.boolean(),
});

export const rankingResponse = z.object({
  period: periodInfo,
  view: z.enum(['current', 'historical']),
  level: z.enum(['commune', 'agency']),
  indicator: z.object({
    code: z.string(),
    label,
    unit: z.enum(['points', 'percent', 'days']),
    isHigherBetter: z.boolean(),
    maxScore: z.number().nullable(),
  }),
  rows: z.array(rankingRow),
  total: rankingRow,
});

export const drilldownResponse = z.object({
  period: periodInfo,
  view: z.enum(['current', 'historical']),
  unit: unitInfo,
  kind: z.enum(drillKinds),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(
    z.object({
      dossierId: z.string(),
      code: z.string(),
      procedureCode: z.string(),
      procedureName: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      agencyCode: z.string(),
      channel: z.number().int(),
      submitterKind: z.enum(['applicant', 'assisted', 'counter', 'post']),
      status: z.number().int(),
      submittedAt: z.string(),
      receivedAt: z.string().nullable(),
      appointmentAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      isOnTime: z.boolean().nullable(),
      isEstimate: z.boolean(),
    }),
  ),
});

export const definitionsResponse = z.object({
  kpis: z.array(
    z.object({
      code: z.enum(kpiCodes),
      label,
      definition: label,
      unit: z.enum(['percent', 'days']),
      isHigherBetter: z.boolean(),
      numerator: label,
      denominator: label,
      source: label,
      drill: z
        .object({ numerator: z.enum(drillKinds).nullable(), denominator: z.enum(drillKinds).nullable() })
        .describe('Which drill-down lists the dossiers behind the numerator and the denominator (null: not dossiers)'),
    }),
  ),
  index: z.object({
    formulaSetId: z.string(),
    source: z.string(),
    reference: label,
    groups: z.array(
      z.object({
        group: z.string(),
        label,
        maxScore: z.number(),
        isConfirmed: z.boolean(),
        note: label.nullable(),
        metrics: z.array(
          z.object({
            code: z.string(),
            label,
            maxScore: z.number(),
            formula: z.string(),
            countedIn: z.enum(['dossiers', 'complaints', 'procedures', 'communes']),
            isMeasured: z.boolean(),
          }),
        ),
      }),
    ),
  }),
});
export type DefinitionsResponse = z.infer<typeof definitionsResponse>;
export type NationalResponse = z.infer<typeof nationalResponse>;
export type ReconciliationResponse = z.infer<typeof reconciliationResponse>;
