import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import type { GroupCode } from './domain/index-766/formula-sets.ts';
import {
  metricResponseSchema,
  paymentResponseSchema,
  progressResponseSchema,
  type MetricRow,
  type PaymentRow,
  type ProgressRow,
} from './portal-evaluation.schema.ts';

/** The metric code under which a group's total is published and reconciled. */
export const totalMetric = 'TOTAL';

/**
 * One figure the portal published for a unit: an indicator with its own counts (or only a ratio),
 * or a group's TOTAL. `published` is null where the portal publishes no score (not applicable, an
 * information-only metric, or the components of a flat group).
 */
export interface PortalMetricRecord {
  departmentCode: string;
  group: GroupCode;
  metric: string;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
  published: number | null;
  /** The maximum the portal published beside the score (null where it published none). */
  maxScore: number | null;
  /** counts: scored from numerator ÷ denominator; ratio: the numerator is null, the ratio was decided elsewhere; sum: a group total. */
  basis: 'counts' | 'ratio' | 'sum';
  raw: unknown;
}

/** A flat row's published group score and maximum (the parent row has only the total fields). */
const flatScore = (row: ProgressRow | PaymentRow) => ({
  published: row.totalScore ?? row.score ?? null,
  maxScore: row.totalMaxScore ?? row.maxScore ?? null,
});

function progressRecords(row: ProgressRow): PortalMetricRecord[] {
  const base = { departmentCode: row.departmentCode, group: 'PROGRESS' as const, raw: row, ...flatScore(row) };
  return [
    // The group has one indicator, so its score is the group's score.
    { ...base, metric: 'DOSSIER_ON_TIME', numerator: row.totalOnTime, denominator: row.totalReceived, ratio: null, basis: 'counts' },
    { ...base, metric: totalMetric, numerator: null, denominator: null, ratio: null, basis: 'sum' },
  ];
}

function paymentRecords(row: PaymentRow): PortalMetricRecord[] {
  const base = { departmentCode: row.departmentCode, group: 'PAYMENT' as const, raw: row, ratio: null };
  // The portal publishes only the group's score; its three components are recomputed for display.
  const component = { ...base, published: null, maxScore: null, basis: 'counts' as const };
  return [
    {
      ...component,
      metric: 'ONLINE_PAYMENT_DOSSIER',
      numerator: row.totalDossierOnlinePaymentSuccess,
      denominator: row.totalDossierFinancialObligation,
    },
    {
      ...component,
      metric: 'ONLINE_PAYMENT_FORMALITY',
      numerator: row.totalDossierOnlineFormalityPaymentSuccess,
      denominator: row.totalFeeFormality,
    },
    { ...component, metric: 'FEE_FORMALITY_WITH_DOSSIER', numerator: row.totalFeeDossierFormality, denominator: row.totalFeeFormality },
    { ...base, ...flatScore(row), metric: totalMetric, numerator: null, denominator: null, basis: 'sum' },
  ];
}

function metricRowRecords(group: GroupCode, row: MetricRow): PortalMetricRecord[] {
  const { metrics, ...unit } = row;
  return [
    ...metrics.map((m): PortalMetricRecord => ({
      departmentCode: row.departmentCode,
      group,
      metric: m.code,
      numerator: m.numerator,
      denominator: m.denominator,
      ratio: m.ratio,
      published: m.score,
      maxScore: m.maxScore,
      basis: m.numerator === null && m.ratio !== null ? 'ratio' : 'counts',
      raw: m,
    })),
    {
      departmentCode: row.departmentCode,
      group,
      metric: totalMetric,
      numerator: null,
      denominator: null,
      ratio: null,
      published: row.totalScore,
      maxScore: row.totalMaxScore,
      basis: 'sum',
      raw: unit,
    },
  ];
}

interface PortalFile {
  file: string;
  group: GroupCode;
  /** Validates a parsed JSON response (throws PORTAL_FILE_INVALID) and lists its records. */
  records(json: unknown): PortalMetricRecord[];
}

function validate<T>(file: string, schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new AppError('PORTAL_FILE_INVALID', { file, reason: 'not the portal shape', issues });
}

const flatFile = <Row>(
  file: string,
  group: GroupCode,
  schema: z.ZodType<{ data: { parent: Row; children: Row[] } }>,
  toRecords: (row: Row) => PortalMetricRecord[],
): PortalFile => ({
  file,
  group,
  records: (json) => {
    const { parent, children } = validate(file, schema, json).data;
    return [parent, ...children].flatMap(toRecords);
  },
});

const metricFile = (file: string, group: GroupCode): PortalFile => ({
  file,
  group,
  records: (json) => {
    const { overview, evaluation } = validate(file, metricResponseSchema, json).data;
    return [overview, ...evaluation].flatMap((row) => metricRowRecords(group, row));
  },
});

/** The five evaluation responses the portal publishes for a province and period, by file name. */
export const portalFiles: readonly PortalFile[] = [
  metricFile('transparency.json', 'TRANSPARENCY'),
  flatFile('progress.json', 'PROGRESS', progressResponseSchema, progressRecords),
  flatFile('payment.json', 'PAYMENT', paymentResponseSchema, paymentRecords),
  metricFile('digitized.json', 'DIGITIZATION'),
  metricFile('satisfaction.json', 'SATISFACTION'),
];

/**
 * Reads the five evaluation files of a directory into records: PORTAL_FILE_MISSING when a file is
 * absent, PORTAL_FILE_INVALID (with the file and the zod issues) when one is not the portal's shape
 * or lists a unit's metric twice.
 */
export async function readPortalEvaluation(dir: string): Promise<PortalMetricRecord[]> {
  const texts = await Promise.all(
    portalFiles.map(async ({ file }) => {
      try {
        return { file, text: await readFile(path.join(dir, file), 'utf8') };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { file, text: null };
        throw error;
      }
    }),
  );
  const missing = texts.filter((t) => t.text === null).map((t) => t.file);
  if (missing.length > 0) throw new AppError('PORTAL_FILE_MISSING', { dir, missing });

  return portalFiles.flatMap((portalFile, i) => {
    const text = texts[i]?.text ?? '';
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new AppError('PORTAL_FILE_INVALID', { file: portalFile.file, reason: 'not JSON', message: (error as Error).message });
    }
    const records = portalFile.records(json);
    const keys = records.map((r) => `${r.departmentCode} ${r.metric}`);
    const duplicates = [...new Set(keys.filter((key, j) => keys.indexOf(key) !== j))];
    if (duplicates.length > 0)
      throw new AppError('PORTAL_FILE_INVALID', { file: portalFile.file, reason: 'duplicate metrics', duplicates });
    return records;
  });
}
