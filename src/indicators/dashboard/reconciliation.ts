import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { findMetric, latestFormulaSet, type Label } from '../domain/index-766/formula-sets.ts';
import { totalMetric } from '../portal-evaluation.ts';
import { reconcileStoredEvaluation } from '../import-portal-evaluation.ts';
import { portalEvaluations } from '../schema.ts';
import { isProvinceDepartmentCode } from '../domain/portal-unit-code.ts';
import { listPortalUnitMappings } from '../portal-unit-mappings.ts';
import { ownIndexKey, readOwnIndexes } from './own-index.ts';
import { describeIndicator, valueOf } from './ranking.ts';
import { readOverview } from './overview.ts';
import type { IndexView } from './scoring.ts';

/**
 * Đối chiếu — the national portal's published 766 scores for a province and period beside (1) our
 * engine's recomputation from the portal's own numerators and denominators and (2) the platform's own
 * figure from its transactions (rollups). The province row is the province as a whole; an agency or
 * commune row (H44.NN) has the platform's figure when an administrator has mapped its code onto one of
 * our communes or agencies (portal_unit_mappings), and says "not mapped" otherwise.
 */

/** Differences larger than this are highlighted: the portal publishes two decimals, rounding adds at most 0.01. */
export const reconciliationTolerance = 0.015;

export interface ReconciliationLine {
  departmentCode: string;
  /** The portal's row for the province as a whole (no ".NN" suffix). */
  isProvince: boolean;
  group: string;
  metric: string;
  label: Label;
  maxScore: number | null;
  published: number | null;
  recomputed: number | null;
  /** recomputed − published. */
  delta: number | null;
  /**
   * What the row stands for on the platform: the province for the province row, the commune or agency
   * an administrator mapped the portal code onto, or null when the code is not mapped.
   */
  mappedTo: { kind: 'province' | 'unit' | 'agency'; code: string; name: string; nameEn: string | null } | null;
  /** The platform's own score from its transactions (null when the row is not mapped or the metric not measured). */
  own: number | null;
  /** own − published. */
  ownDelta: number | null;
  isRecomputedDifferent: boolean;
  isOwnDifferent: boolean;
}

export interface ReconciliationView {
  provinceCode: string;
  period: string | null;
  /** Every imported period of the province, newest first. */
  periods: string[];
  formulaSetId: string;
  tolerance: number;
  lines: ReconciliationLine[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const differs = (delta: number | null) => delta !== null && Math.abs(delta) > reconciliationTolerance;

/** The platform's own score for a metric code (or a group's TOTAL) from its index view. */
function ownScore(index: IndexView, group: string, metric: string): number | null {
  const g = index.groups.find((x) => x.group === group);
  if (!g) return null;
  if (metric === totalMetric) return g.metrics.some((m) => m.isMeasured) ? g.total : null;
  const m = g.metrics.find((x) => x.code === metric);
  return m && m.isMeasured && m.isApplicable ? m.score : null;
}

/** The imported periods of a province's portal evaluations, newest first. */
export async function listEvaluationPeriods(db: Db, provinceCode: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ period: portalEvaluations.period })
    .from(portalEvaluations)
    .where(eq(portalEvaluations.provinceCode, provinceCode));
  return rows.map((r) => r.period).sort((a, b) => b.localeCompare(a));
}

/** Published, recomputed and own figures side by side for a province and period (the newest imported one by default). */
export async function readReconciliation(
  db: Db,
  input: { provinceCode: string; period?: string | undefined; today: string },
): Promise<ReconciliationView> {
  const periods = await listEvaluationPeriods(db, input.provinceCode);
  const period = input.period ?? periods[0] ?? null;
  const set = latestFormulaSet();
  const base = { provinceCode: input.provinceCode, period, periods, formulaSetId: set.id, tolerance: reconciliationTolerance };
  if (period === null || !periods.includes(period)) return { ...base, lines: [] };
  const [reconciliation, overview, maxima, mappings] = await Promise.all([
    reconcileStoredEvaluation(db, { provinceCode: input.provinceCode, period }, set),
    readOverview(db, { provinceCode: input.provinceCode, unitCode: input.provinceCode, period, view: 'current', today: input.today }),
    db
      .select({
        departmentCode: portalEvaluations.departmentCode,
        group: portalEvaluations.group,
        metric: portalEvaluations.metric,
        maxScore: portalEvaluations.maxScore,
      })
      .from(portalEvaluations)
      .where(and(eq(portalEvaluations.provinceCode, input.provinceCode), eq(portalEvaluations.period, period)))
      .orderBy(asc(portalEvaluations.position)),
    listPortalUnitMappings(db, input.provinceCode),
  ]);
  const listed = new Set(reconciliation.units.map((r) => r.departmentCode));
  const mappingOf = new Map(mappings.filter((m) => listed.has(m.departmentCode)).map((m) => [m.departmentCode, m]));
  const ownIndexes = await readOwnIndexes(db, {
    provinceCode: input.provinceCode,
    period,
    today: input.today,
    targets: [...mappingOf.values()].map((m) => m.target),
  });
  const province = overview.unit;
  const maxOf = new Map(maxima.map((m) => [`${m.departmentCode}|${m.group}|${m.metric}`, m.maxScore]));
  const lines = reconciliation.units.map((row): ReconciliationLine => {
    const isProvince = isProvinceDepartmentCode(row.departmentCode);
    const mapping = isProvince ? undefined : mappingOf.get(row.departmentCode);
    const index = isProvince ? overview.index : mapping && ownIndexes.get(ownIndexKey(mapping.target));
    const own = index ? ownScore(index, row.group, row.metric) : null;
    const ownDelta = own !== null && row.published !== null ? round2(own - row.published) : null;
    const groupDefinition = set.groups.find((g) => g.group === row.group);
    const label =
      row.metric === totalMetric
        ? (groupDefinition?.label ?? { vi: row.group, en: row.group })
        : (findMetric(set, row.metric)?.definition.label ?? { vi: row.metric, en: row.metric });
    return {
      departmentCode: row.departmentCode,
      isProvince,
      mappedTo: isProvince
        ? { kind: 'province', code: province.code, name: province.fullName, nameEn: province.fullNameEn }
        : mapping
          ? { ...mapping.target }
          : null,
      group: row.group,
      metric: row.metric,
      label,
      maxScore: maxOf.get(`${row.departmentCode}|${row.group}|${row.metric}`) ?? null,
      published: row.published,
      recomputed: row.recomputed === null ? null : round2(row.recomputed),
      delta: row.delta,
      own,
      ownDelta,
      isRecomputedDifferent: differs(row.delta),
      isOwnDifferent: differs(ownDelta),
    };
  });
  return { ...base, lines };
}

export interface NationalValue {
  provinceCode: string;
  value: number | null;
  /** Where the figure comes from: the platform's own rollups, an imported portal evaluation, or nowhere. */
  source: 'platform' | 'portal' | null;
}

/**
 * The national map's figures for a period and indicator: the platform's own province from its rollups;
 * other provinces from imported portal evaluations of the same period (their province row), when the
 * indicator is one the portal publishes (the index, a group, an index indicator); otherwise no data.
 */
export async function readNationalValues(
  db: Db,
  input: { provinceCode: string; period: string; indicator: string; today: string },
): Promise<NationalValue[]> {
  describeIndicator(input.indicator); // refuses unknown codes
  const own = await readOverview(db, {
    provinceCode: input.provinceCode,
    unitCode: input.provinceCode,
    period: input.period,
    view: 'current',
    today: input.today,
  });
  const ownValue = valueOf(input.indicator, own.index, own.kpis).value;
  const set = latestFormulaSet();
  const isGroup = set.groups.some((g) => g.group === input.indicator);
  const isMetric = findMetric(set, input.indicator) !== null;
  const portal: NationalValue[] = [];
  if (input.indicator === 'INDEX' || isGroup || isMetric) {
    const rows = await db
      .select({
        provinceCode: portalEvaluations.provinceCode,
        value: sql<number | null>`sum(${portalEvaluations.publishedScore})::float8`,
      })
      .from(portalEvaluations)
      .where(
        and(
          eq(portalEvaluations.period, input.period),
          sql`position('.' in ${portalEvaluations.departmentCode}) = 0`,
          input.indicator === 'INDEX'
            ? eq(portalEvaluations.metric, totalMetric)
            : isGroup
              ? and(eq(portalEvaluations.group, input.indicator), eq(portalEvaluations.metric, totalMetric))
              : eq(portalEvaluations.metric, input.indicator),
          ne(portalEvaluations.provinceCode, input.provinceCode),
        ),
      )
      .groupBy(portalEvaluations.provinceCode);
    for (const r of rows) portal.push({ provinceCode: r.provinceCode, value: r.value === null ? null : round2(r.value), source: 'portal' });
  }
  return [{ provinceCode: input.provinceCode, value: ownValue, source: ownValue === null ? null : 'platform' }, ...portal];
}
