import { latestFormulaSet, type FormulaSet, type GroupCode } from './domain/index-766/formula-sets.ts';
import { scoreGroup, type UnitCounts } from './domain/index-766/score.ts';
import { readPortalEvaluation, totalMetric, type PortalMetricRecord } from './portal-evaluation.ts';

/** A published figure beside our engine's recomputation of it from the same counts. */
export interface ReconciliationRow {
  departmentCode: string;
  group: GroupCode;
  /** The portal's metric code, or TOTAL for the group's total. */
  metric: string;
  published: number | null;
  recomputed: number | null;
  /** recomputed − published; null unless both are numbers. */
  delta: number | null;
  basis: PortalMetricRecord['basis'];
}

export interface Reconciliation {
  units: ReconciliationRow[];
}

const hundredths = (score: number) => Math.round(score * 100);

/**
 * Recomputes each published figure from its own numerator and denominator (or, where the portal
 * gives only a ratio, from the ratio) and sets it beside the published one. A group's TOTAL is
 * recomputed as the sum of the recomputed indicators the portal published for it. Rows come per
 * unit in first-seen order, groups in the formula set's order, metrics in the portal's order.
 */
export function reconcileRecords(records: readonly PortalMetricRecord[], formulaSet: FormulaSet = latestFormulaSet()): Reconciliation {
  const buckets = new Map<string, PortalMetricRecord[]>();
  for (const record of records) {
    const key = `${record.departmentCode}\u0000${record.group}`;
    buckets.set(key, [...(buckets.get(key) ?? []), record]);
  }
  const departments = [...new Set(records.map((r) => r.departmentCode))];
  const groupOrder = formulaSet.groups.map((g) => g.group as string);
  const units: ReconciliationRow[] = [];
  for (const departmentCode of departments) {
    const groups = [...new Set(records.filter((r) => r.departmentCode === departmentCode).map((r) => r.group))].sort(
      (a, b) => groupOrder.indexOf(a) - groupOrder.indexOf(b),
    );
    for (const group of groups) units.push(...reconcileGroup(buckets.get(`${departmentCode}\u0000${group}`) ?? [], formulaSet));
  }
  return { units };
}

function reconcileGroup(records: readonly PortalMetricRecord[], formulaSet: FormulaSet): ReconciliationRow[] {
  const indicators = records.filter((r) => r.metric !== totalMetric);
  const counts: UnitCounts = Object.fromEntries(
    indicators.map((r) => [r.metric, { numerator: r.numerator, denominator: r.denominator, ratio: r.ratio }]),
  );
  const published = new Set(indicators.map((r) => r.metric));
  const definition = formulaSet.groups.find((g) => g.group === records[0]?.group);
  // Only the indicators the portal published: one it left out is not scored by its empty rule.
  const scored = definition
    ? scoreGroup({ ...definition, metrics: definition.metrics.filter((m) => published.has(m.code)) }, counts)
    : null;
  return records.map((record) => {
    const recomputed =
      record.metric === totalMetric ? (scored?.total ?? null) : (scored?.metrics.find((m) => m.code === record.metric)?.score ?? null);
    const delta = recomputed !== null && record.published !== null ? (hundredths(recomputed) - hundredths(record.published)) / 100 : null;
    const { departmentCode, group, metric, basis } = record;
    return { departmentCode, group, metric, published: record.published, recomputed, delta, basis };
  });
}

/** Reads the portal's five evaluation files from a directory and reconciles every published figure. */
export async function reconcile766(dir: string, formulaSet: FormulaSet = latestFormulaSet()): Promise<Reconciliation> {
  return reconcileRecords(await readPortalEvaluation(dir), formulaSet);
}

/** The largest |delta| of a reconciliation (0 when nothing could be compared). */
export function largestDelta(reconciliation: Reconciliation): number {
  return reconciliation.units.reduce((largest, row) => Math.max(largest, Math.abs(row.delta ?? 0)), 0);
}
