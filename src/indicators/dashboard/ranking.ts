import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { agencies } from '../../units/schema.ts';
import type { Label } from '../domain/index-766/formula-sets.ts';
import { findMetric, latestFormulaSet } from '../domain/index-766/formula-sets.ts';
import { findKpi, kpiCodes } from '../domain/kpis.ts';
import { currentUnitsMapping, mappingFor, procedureStatsInto, zeroCounts, type CatalogueProcedure, type View } from './aggregate.ts';
import { applicableProcedures, headlineOf, periodOf, type Headline, type Overview } from './overview.ts';
import { periodWindow } from './period-window.ts';
import { cachedAnswer } from './cache.ts';
import { readMappedCounts, readProcedurePresence, type MappedCounts, type ProcedurePresence, type UnitMapping } from './read-rollups.ts';
import { loadCatalogue, presentKpis, scoreIndex, type IndexView, type KpiView } from './scoring.ts';
import { loadUnitTree, type UnitTree } from './unit-tree.ts';
import type { ProcedureStats } from '../domain/index-from-rollups.ts';
import { reorganisation2025 } from '../../units/load-units.ts';

const reorganisedOn = reorganisation2025.firstNewDay;

/**
 * Bảng xếp hạng — every commune (or agency) of the province on one indicator for a period: a KPI,
 * the index total, a group of the index or one of its indicators. Reads rollups only.
 */

export type RankingLevel = 'commune' | 'agency';

/** What a ranking can be ordered by: INDEX, a KPI code, an index group or an index indicator. */
export function describeIndicator(code: string): {
  label: Label;
  unit: 'points' | 'percent' | 'days';
  isHigherBetter: boolean;
  maxScore: number | null;
} {
  if (code === 'INDEX')
    return { label: { vi: 'Chỉ số phục vụ (766)', en: 'Service index (766)' }, unit: 'points', isHigherBetter: true, maxScore: 100 };
  const kpi = findKpi(code);
  if (kpi) return { label: kpi.label, unit: kpi.unit, isHigherBetter: kpi.isHigherBetter, maxScore: null };
  const set = latestFormulaSet();
  const group = set.groups.find((g) => g.group === code);
  if (group) return { label: group.label, unit: 'points', isHigherBetter: true, maxScore: group.maxScore };
  const metric = findMetric(set, code);
  if (metric) return { label: metric.definition.label, unit: 'points', isHigherBetter: true, maxScore: metric.definition.maxScore };
  throw new AppError('VALIDATION_FAILED', {
    indicator: code,
    reason: `one of INDEX, ${kpiCodes.join(', ')}, an index group or indicator code`,
  });
}

export interface RankingRow {
  rank: number | null;
  /** Unit code (communes) or agency code. */
  code: string;
  name: string;
  nameEn: string | null;
  /** The unit's row id (communes), to tell an old unit from a current one with the same code. */
  unitId: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  indexTotal: number;
  headline: Headline;
  isEstimate: boolean;
}

export interface Ranking {
  period: Overview['period'];
  view: View;
  level: RankingLevel;
  indicator: { code: string; label: Label; unit: 'points' | 'percent' | 'days'; isHigherBetter: boolean; maxScore: number | null };
  rows: RankingRow[];
  /** The province as a whole, for the table's totals line. */
  total: RankingRow;
}

/** A row of a ranking before it is scored: a commune or an agency, and what its procedures are. */
export interface Target {
  key: string;
  code: string;
  name: string;
  nameEn: string | null;
  unitId: number | null;
  level: 'province' | 'commune';
  agencyKind?: string;
}

/** An indicator's value (with numerator and denominator where it has them) from a unit's index and KPIs. */
export function valueOf(
  indicator: string,
  index: IndexView,
  kpis: KpiView[],
): { value: number | null; numerator: number | null; denominator: number | null } {
  if (indicator === 'INDEX') return { value: index.total, numerator: null, denominator: null };
  const kpi = kpis.find((k) => k.code === indicator);
  if (kpi) return { value: kpi.value, numerator: kpi.numerator, denominator: kpi.denominator };
  const group = index.groups.find((g) => g.group === indicator);
  if (group) return { value: group.total, numerator: null, denominator: null };
  for (const g of index.groups) {
    const m = g.metrics.find((x) => x.code === indicator);
    if (m) return { value: m.score, numerator: m.numerator, denominator: m.denominator };
  }
  return { value: null, numerator: null, denominator: null };
}

/** An agency as a ranking target: its unit and kind read from its code ("26572-UBND"), its name from the agencies table when known. */
export function agencyTarget(code: string, agency: { name: string; nameEn: string | null } | undefined, tree: UnitTree): Target {
  const [unitCode = '', kind = ''] = code.split(/-(.*)/s);
  const unit = tree.currentByCode.get(unitCode);
  const fallback = kind === 'CA' ? `Công an ${unit?.fullName ?? unitCode}` : `${kind} ${unit?.fullName ?? unitCode}`;
  return {
    key: code,
    code,
    name: agency?.name ?? fallback,
    nameEn: agency?.nameEn ?? null,
    unitId: unit?.id ?? null,
    level: unit?.level === 'province' ? 'province' : 'commune',
    agencyKind: kind,
  };
}

/**
 * The procedure counts of agency targets from procedure presence read per current unit (keyed by unit
 * id): an agency's procedures are its unit's, of the agency's kind.
 */
export function agencyStatsOf(
  targets: readonly Target[],
  procedureRows: readonly ProcedurePresence[],
  catalogue: readonly CatalogueProcedure[],
): (key: string) => ProcedureStats {
  const perUnit = new Map<string, ProcedurePresence[]>();
  for (const r of procedureRows) perUnit.set(r.key, [...(perUnit.get(r.key) ?? []), r]);
  const targetByKey = new Map(targets.map((t) => [t.key, t]));
  return (key) => {
    const t = targetByKey.get(key);
    const unitKey = String(t?.unitId ?? '');
    const applicable = applicableProcedures(catalogue, t?.level ?? 'commune', t?.agencyKind);
    return procedureStatsInto(perUnit.get(unitKey) ?? [], () => applicable)(unitKey);
  };
}

/** Ranks values: best first, nothing to rank last; equal values share a rank. */
export function rankRows<T extends { value: number | null; code: string }>(
  rows: T[],
  isHigherBetter: boolean,
): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.code.localeCompare(b.code) : 1) : -1;
    const diff = isHigherBetter ? b.value - a.value : a.value - b.value;
    return diff !== 0 ? diff : a.code.localeCompare(b.code);
  });
  let previous: number | null = null;
  let rank = 0;
  return sorted.map((row, i) => {
    if (row.value !== previous) rank = i + 1;
    previous = row.value;
    return { ...row, rank: row.value === null ? null : rank };
  });
}

type RankingInput = { provinceCode: string; period: string; level: RankingLevel; indicator: string; view: View; today: string };

/** The ranking of a province's communes or agencies for a period on one indicator (cached while its period's rollups are unchanged). */
export async function readRanking(db: Db, input: RankingInput): Promise<Ranking> {
  describeIndicator(input.indicator); // refuses an unknown indicator before anything is read
  const window = periodWindow(input.period, input.today);
  const key = `ranking|${input.provinceCode}|${window.text}|${input.view}|${input.level}|${input.indicator}`;
  return cachedAnswer(db, key, window, () => computeRanking(db, input));
}

/** The ranking computed from the rollups. */
export async function computeRanking(db: Db, input: RankingInput): Promise<Ranking> {
  const indicator = { code: input.indicator, ...describeIndicator(input.indicator) };
  const tree = await loadUnitTree(db, input.provinceCode);
  const window = periodWindow(input.period, input.today);
  const provinceKey = String(tree.province.id);
  // The province's total rides along in the targets' reads under a key no unit has.
  const totalKey = 'total';
  const provinceMapping = mappingFor(tree, 'province', input.view).map((m) => ({ ...m, key: totalKey }));
  let targets: Target[];
  let mapping: UnitMapping[];
  if (input.level === 'commune') {
    const units =
      input.view === 'historical'
        ? [...tree.byId.values()].filter(
            (u) =>
              u.level === 'commune' &&
              u.provinceCode === tree.provinceCode &&
              (u.isCurrent ? window.end >= reorganisedOn : window.start < reorganisedOn),
          )
        : tree.communes;
    targets = units.map((u) => ({
      key: String(u.id),
      code: u.code,
      name: u.fullName,
      nameEn: u.fullNameEn,
      unitId: u.id,
      level: 'commune',
    }));
    mapping = mappingFor(tree, 'communes', input.view);
  } else {
    targets = [];
    mapping = currentUnitsMapping(tree);
  }
  const unitKeyed = [...tree.byId.values()]
    .filter((u) => u.isCurrent)
    .map((u) => ({ unitId: u.id, key: String(u.id), weight: 1, isEstimate: false }));
  const [counted, procedureCounted, catalogue] = await Promise.all([
    readMappedCounts(
      db,
      tree.rollupProvinceCodes,
      window,
      [...mapping, ...provinceMapping],
      input.level === 'agency' ? 'agency' : 'target',
    ),
    // Agencies: procedure presence per unit; an agency's procedures are its unit's of the agency's kind.
    readProcedurePresence(db, tree.rollupProvinceCodes, window, [...(input.level === 'agency' ? unitKeyed : mapping), ...provinceMapping]),
    loadCatalogue(db, input.provinceCode),
  ]);
  const rows = counted.filter((r) => r.key !== totalKey);
  const provinceRows = counted.filter((r) => r.key === totalKey);
  const procedureRows = procedureCounted.filter((r) => r.key !== totalKey);
  const provinceProcedures = procedureCounted.filter((r) => r.key === totalKey);
  const byKey = new Map<string, MappedCounts>(rows.map((r) => [input.level === 'agency' ? (r.agencyCode ?? '') : r.key, r]));
  // By agency the province's total comes back split by agency: add it up.
  const provinceTotal = provinceRows.reduce<MappedCounts | undefined>((sum, r) => {
    if (!sum) return { ...r, counts: { ...r.counts } };
    for (const c of Object.keys(sum.counts) as (keyof typeof sum.counts)[]) sum.counts[c] += r.counts[c];
    sum.isEstimate ||= r.isEstimate;
    return sum;
  }, undefined);

  let statsOf: (key: string) => ProcedureStats;
  if (input.level === 'agency') {
    // Agencies are today's bodies: their figures are those filed under today's units.
    const known = await db.select().from(agencies).where(eq(agencies.provinceCode, input.provinceCode));
    const codes = new Set([...known.map((a) => a.code), ...byKey.keys()]);
    codes.delete('');
    const named = new Map(known.map((a) => [a.code, a]));
    targets = [...codes].sort().map((code) => agencyTarget(code, named.get(code), tree));
    statsOf = agencyStatsOf(targets, procedureRows, catalogue);
  } else {
    const communeProcedures = applicableProcedures(catalogue, 'commune');
    statsOf = procedureStatsInto(procedureRows, () => communeProcedures);
  }
  const provinceStats = procedureStatsInto(provinceProcedures, () => applicableProcedures(catalogue, 'all'))(totalKey);

  const present = (t: Target, found: MappedCounts | undefined, stats: ProcedureStats): RankingRow => {
    const counts = found?.counts ?? zeroCounts();
    const kpis = presentKpis(counts);
    const { view: index } = scoreIndex(counts, stats, window.period);
    return {
      rank: null,
      code: t.code,
      name: t.name,
      nameEn: t.nameEn,
      unitId: t.unitId,
      ...valueOf(input.indicator, index, kpis),
      indexTotal: index.total,
      headline: headlineOf(counts),
      isEstimate: found?.isEstimate ?? false,
    };
  };
  const ranked = rankRows(
    targets.map((t) => present(t, byKey.get(t.key), statsOf(t.key))),
    indicator.isHigherBetter,
  );
  const province = tree.province;
  const total = present(
    { key: provinceKey, code: province.code, name: province.fullName, nameEn: province.fullNameEn, unitId: province.id, level: 'province' },
    provinceTotal,
    provinceStats,
  );
  return { period: periodOf(window), view: input.view, level: input.level, indicator, rows: ranked, total };
}
