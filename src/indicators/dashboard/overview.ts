import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { lateDossiers, judgedDossiers, type PeriodCounts } from '../domain/kpis.ts';
import { mappingFor, procedureStatsInto, zeroCounts, type CatalogueProcedure, type View } from './aggregate.ts';
import { periodWindow, trailingYear, type PeriodWindow } from './period-window.ts';
import { readMappedCounts, readProcedurePresence } from './read-rollups.ts';
import { loadCatalogue, presentKpis, scoreIndex, type IndexView, type KpiView } from './scoring.ts';
import { loadUnitTree, type TreeUnit, type UnitTree } from './unit-tree.ts';
import { cachedAnswer } from './cache.ts';

/** A unit as the dashboard's answers name it. */
export type UnitRef = Omit<TreeUnit, 'provinceCode'>;

export const unitRef = ({ provinceCode: _province, ...unit }: TreeUnit): UnitRef => unit;

export interface Headline {
  received: number;
  completed: number;
  onTime: number;
  late: number;
  openOverdue: number;
  judged: number;
  votes: number;
  complaints: number;
}

export interface TrendPoint {
  month: string;
  indexTotal: number;
  onlineRate: number | null;
  genuineOnlineRate: number | null;
  onTimeRate: number | null;
  received: number;
}

export interface Overview {
  period: { text: string; start: string; end: string; asOf: string; isComplete: boolean };
  view: View;
  unit: UnitRef;
  isEstimate: boolean;
  headline: Headline;
  index: IndexView;
  kpis: KpiView[];
  trend: TrendPoint[];
}

/** Which unit of the tree a dashboard request is about (a current commune or the province). */
export function targetUnit(tree: UnitTree, unitCode: string): TreeUnit {
  if (unitCode === tree.provinceCode) return tree.province;
  const unit = tree.currentByCode.get(unitCode);
  if (!unit || unit.level !== 'commune') throw new AppError('UNIT_NOT_FOUND', { unitCode });
  return unit;
}

/** The procedures a unit (or an agency of it) applies: its level's, of the agency's kind when given. */
export function applicableProcedures(catalogue: readonly CatalogueProcedure[], level: 'province' | 'commune' | 'all', agencyKind?: string) {
  return catalogue.filter((p) => (level === 'all' || p.level === level) && (agencyKind === undefined || p.agencyKind === agencyKind));
}

const round = (n: number) => Math.round(n);

/** Headline numbers of a period's counts (whole dossiers). */
export function headlineOf(c: PeriodCounts): Headline {
  return {
    received: round(c.received),
    completed: round(c.completed),
    onTime: round(c.completedOnTime),
    late: round(lateDossiers(c)),
    openOverdue: round(c.openOverdue),
    judged: round(judgedDossiers(c)),
    votes: round(c.votes),
    complaints: round(c.complaints),
  };
}

/**
 * Tổng quan — a unit's overview for a period: the index (total, groups, indicators), the KPIs, the
 * headline counts and the trend of the twelve months up to the period's last month. Reads rollups only.
 */
export async function readOverview(db: Db, input: OverviewInput): Promise<Overview> {
  const tree = await loadUnitTree(db, input.provinceCode);
  targetUnit(tree, input.unitCode); // refuses an unknown unit before anything is read
  const window = periodWindow(input.period, input.today);
  const key = `overview|${input.provinceCode}|${input.unitCode}|${window.text}|${input.view}`;
  return cachedAnswer(db, key, window, () => computeOverview(db, input));
}

type OverviewInput = { provinceCode: string; unitCode: string; period: string; view: View; today: string };

/** The overview computed from the rollups. */
export async function computeOverview(db: Db, input: OverviewInput): Promise<Overview> {
  const tree = await loadUnitTree(db, input.provinceCode);
  const unit = targetUnit(tree, input.unitCode);
  const level = unit.level === 'province' ? 'province' : 'communes';
  const window = periodWindow(input.period, input.today);
  const trendWindow = trailingYear(window);
  const key = String(unit.id);
  const mapping = mappingFor(tree, level, input.view, key);
  const [rows, procedureRows, trendRows, catalogue] = await Promise.all([
    readMappedCounts(db, tree.rollupProvinceCodes, window, mapping, 'target'),
    readProcedurePresence(db, tree.rollupProvinceCodes, window, mapping),
    readMappedCounts(db, tree.rollupProvinceCodes, trendWindow, mapping, 'month'),
    loadCatalogue(db, input.provinceCode),
  ]);
  const totals = rows[0] ?? { counts: zeroCounts(), isEstimate: false };
  const applicable = applicableProcedures(catalogue, unit.level === 'province' ? 'all' : 'commune');
  const stats = procedureStatsInto(procedureRows, () => applicable)(key);
  const { view: index } = scoreIndex(totals.counts, stats, window.period);

  const byMonth = new Map(trendRows.map((r) => [r.month ?? '', r.counts]));
  const trend = trendWindow.months.map((month): TrendPoint => {
    const counts = byMonth.get(month) ?? zeroCounts();
    const kpis = presentKpis(counts);
    const value = (code: string) => kpis.find((k) => k.code === code)?.value ?? null;
    return {
      month: month.slice(0, 7),
      // Procedure presence is not split by month here: the trend's index uses the period's procedure counts.
      indexTotal: scoreIndex(counts, stats, window.period).view.total,
      onlineRate: value('ONLINE_RATE'),
      genuineOnlineRate: value('GENUINE_ONLINE_RATE'),
      onTimeRate: value('ON_TIME_RATE'),
      received: Math.round(counts.received),
    };
  });
  return {
    period: periodOf(window),
    view: input.view,
    unit: unitRef(unit),
    isEstimate: totals.isEstimate,
    headline: headlineOf(totals.counts),
    index,
    kpis: presentKpis(totals.counts),
    trend,
  };
}

export const periodOf = (w: PeriodWindow) => ({ text: w.text, start: w.start, end: w.end, asOf: w.asOf, isComplete: w.isComplete });
