import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { procedures, procedureVersions } from '../../procedures/schema.ts';
import { formulaSetFor, formulaSets, type FormulaSet, type Label } from '../domain/index-766/formula-sets.ts';
import { periodStart, type Period } from '../domain/index-766/period.ts';
import { scoreUnit, type UnitScore } from '../domain/index-766/score.ts';
import { indexCountsFromRollups, measuredMaxScore, measuredMetrics, type ProcedureStats } from '../domain/index-from-rollups.ts';
import { isFeeBearing } from '../domain/procedure-facts.ts';
import { computeKpis, kpiDefinitions, type KpiValue, type PeriodCounts } from '../domain/kpis.ts';
import type { CatalogueProcedure } from './aggregate.ts';

/** The province's current procedures, as the index's procedure indicators count them. */
export async function loadCatalogue(db: Db, provinceCode: string): Promise<CatalogueProcedure[]> {
  const rows = await db
    .select({
      code: procedures.code,
      level: procedureVersions.level,
      agencyKind: procedureVersions.agencyKind,
      onlineLevel: procedureVersions.onlineLevel,
      fees: procedureVersions.fees,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.provinceCode, provinceCode), eq(procedureVersions.isCurrent, true)));
  // Every level of online service (full or partial, Decree 42/2022 art. 11) is an online public service.
  return rows.map((r) => ({
    code: r.code,
    level: r.level,
    agencyKind: r.agencyKind,
    isOnline: r.onlineLevel === 'full' || r.onlineLevel === 'partial',
    isFeeBearing: isFeeBearing(r.fees),
  }));
}

/** The formula set for a period; periods before the first set are scored with the oldest one (and say so). */
export function formulaSetForPeriod(period: Period): { formulaSet: FormulaSet; isBackdated: boolean } {
  const chosen = formulaSetFor(periodStart(period));
  return chosen ? { formulaSet: chosen, isBackdated: false } : { formulaSet: formulaSets[0] as FormulaSet, isBackdated: true };
}

export interface MetricView {
  code: string;
  label: Label;
  score: number | null;
  maxScore: number;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
  isApplicable: boolean;
  /** False when the platform has no data for it (the portal's own figure is needed). */
  isMeasured: boolean;
}

export interface GroupView {
  group: string;
  label: Label;
  total: number;
  maxScore: number;
  isConfirmed: boolean;
  note: Label | null;
  metrics: MetricView[];
}

export interface IndexView {
  formulaSetId: string;
  isFormulaBackdated: boolean;
  total: number;
  maxScore: number;
  /** The points the platform's own data could score. */
  measuredMaxScore: number;
  groups: GroupView[];
}

const measured = new Set<string>(measuredMetrics);
const round = (n: number | null, digits = 2) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** Scores the index from period counts and procedure counts, for presentation. */
export function scoreIndex(counts: PeriodCounts, stats: ProcedureStats, period: Period): { view: IndexView; score: UnitScore } {
  const { formulaSet, isBackdated } = formulaSetForPeriod(period);
  // Shares of split units make fractional counts; the engine scores whole dossiers.
  const whole = Object.fromEntries(
    Object.entries(indexCountsFromRollups(counts, stats)).map(([code, c]) => [
      code,
      {
        numerator: c.numerator === null ? null : Math.round(c.numerator),
        denominator: c.denominator === null ? null : Math.round(c.denominator),
      },
    ]),
  );
  const score = scoreUnit(whole, formulaSet);
  const view: IndexView = {
    formulaSetId: formulaSet.id,
    isFormulaBackdated: isBackdated,
    total: score.total,
    maxScore: score.maxScore,
    measuredMaxScore: measuredMaxScore(score),
    groups: score.groups.map((g) => {
      const definition = formulaSet.groups.find((d) => d.group === g.group);
      return {
        group: g.group,
        label: definition?.label ?? { vi: g.group, en: g.group },
        total: g.total,
        maxScore: g.maxScore,
        isConfirmed: g.isConfirmed,
        note: definition?.note ?? null,
        metrics: g.metrics.map((m) => ({
          code: m.code,
          label: definition?.metrics.find((d) => d.code === m.code)?.label ?? { vi: m.code, en: m.code },
          score: m.score,
          maxScore: m.maxScore,
          numerator: m.numerator,
          denominator: m.denominator,
          ratio: m.ratio,
          isApplicable: m.applicable,
          isMeasured: measured.has(m.code),
        })),
      };
    }),
  };
  return { view, score };
}

export interface KpiView extends KpiValue {
  label: Label;
  unit: 'percent' | 'days';
  isHigherBetter: boolean;
}

/** Every KPI, rounded for presentation (counts to whole dossiers, values to two decimals). */
export function presentKpis(counts: PeriodCounts): KpiView[] {
  return computeKpis(counts).map((k) => {
    const definition = kpiDefinitions.find((d) => d.code === k.code);
    return {
      ...k,
      value: round(k.value),
      numerator: round(k.numerator, definition?.unit === 'days' ? 1 : 0) ?? 0,
      denominator: round(k.denominator, 0) ?? 0,
      label: definition?.label ?? { vi: k.code, en: k.code },
      unit: definition?.unit ?? 'percent',
      isHigherBetter: definition?.isHigherBetter ?? true,
    };
  });
}
