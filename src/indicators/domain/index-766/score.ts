import { compare, divide, exact, exactFromNumber, minimum, multiply, toHundredths, type Exact } from './exact.ts';
import {
  formulaSetFor,
  formulaSets,
  type FormulaSet,
  type GroupCode,
  type GroupDefinition,
  type MetricDefinition,
} from './formula-sets.ts';
import { periodStart, type Period } from './period.ts';

/**
 * One indicator's inputs for a unit and period, shaped like the portal's metrics: non-negative
 * integer counts, or (numerator null) a percentage decided elsewhere, e.g. a province-wide service.
 */
export interface MetricCounts {
  numerator: number | null;
  denominator: number | null;
  /** Percentage (0–100), read only when the numerator is null. */
  ratio?: number | null;
}

/** Inputs of every indicator of a unit and period, by metric code; a missing code has no data. */
export type UnitCounts = Readonly<Record<string, MetricCounts>>;

/** Whether a score was computed from the counts or from a ratio given without them. */
export type Basis = 'counts' | 'ratio';

export interface MetricScore {
  code: string;
  numerator: number | null;
  denominator: number | null;
  /** numerator ÷ denominator in percent, rounded half up to two decimals; null without a denominator. */
  ratio: number | null;
  /** Rounded half up to two decimals; null when not applicable. */
  score: number | null;
  maxScore: number;
  applicable: boolean;
  basis: Basis;
}

export interface GroupScore {
  group: GroupCode;
  isConfirmed: boolean;
  metrics: MetricScore[];
  /** The sum of the rounded indicator scores (not applicable ones count 0), at most maxScore. */
  total: number;
  maxScore: number;
}

export interface UnitScore {
  formulaSetId: string;
  groups: GroupScore[];
  total: number;
  maxScore: number;
}

const noData: MetricCounts = { numerator: null, denominator: null };
const hundred = exact(100n);

function rateOf(counts: MetricCounts): { rate: Exact | null; basis: Basis } {
  const { numerator, denominator, ratio } = counts;
  if (numerator === null && ratio !== null && ratio !== undefined) return { rate: divide(exactFromNumber(ratio), hundred), basis: 'ratio' };
  if (numerator === null || denominator === null || denominator === 0) return { rate: null, basis: 'counts' };
  return { rate: exact(BigInt(numerator), BigInt(denominator)), basis: 'counts' };
}

/** Score in hundredths of a point, or null when not applicable; exact until the final rounding. */
function scoreHundredths(definition: MetricDefinition, rate: Exact | null): number | null {
  const { formula } = definition;
  if (formula.kind === 'unscored') return null;
  const max = exactFromNumber(definition.maxScore);
  if (rate === null) {
    if (formula.whenEmpty === 'notApplicable') return null;
    return formula.whenEmpty === 'full' ? toHundredths(max) : 0;
  }
  const proportional = divide(multiply(max, rate), exactFromNumber(formula.fullAt));
  const floored = compare(proportional, exact(0n)) < 0 ? exact(0n) : proportional;
  return toHundredths(minimum(max, floored));
}

/** Scores one indicator from its counts with its definition (formula, maximum, empty rule). */
export function scoreMetric(definition: MetricDefinition, counts: MetricCounts = noData): MetricScore {
  const { rate, basis } = rateOf(counts);
  const hundredths = scoreHundredths(definition, rate);
  return {
    code: definition.code,
    numerator: counts.numerator,
    denominator: counts.denominator,
    ratio: rate === null ? null : toHundredths(multiply(rate, hundred)) / 100,
    score: hundredths === null ? null : hundredths / 100,
    maxScore: definition.maxScore,
    applicable: hundredths !== null,
    basis,
  };
}

/** A score that is already rounded to two decimals, as integer hundredths. */
function hundredthsOf(score: number | null): number {
  return score === null ? 0 : Math.round(score * 100);
}

/** Scores a group: each indicator rounded, the total the sum of the rounded scores (capped at the group's maximum). */
export function scoreGroup(group: GroupDefinition, counts: UnitCounts): GroupScore {
  const metrics = group.metrics.map((definition) => scoreMetric(definition, counts[definition.code]));
  const sum = metrics.reduce((total, m) => total + hundredthsOf(m.score), 0);
  const total = Math.min(sum, hundredthsOf(group.maxScore)) / 100;
  return { group: group.group, isConfirmed: group.isConfirmed, metrics, total, maxScore: group.maxScore };
}

/** Scores a unit (a commune, an agency or a whole province) for one period with a formula set. */
export function scoreUnit(counts: UnitCounts, formulaSet: FormulaSet): UnitScore {
  const groups = formulaSet.groups.map((group) => scoreGroup(group, counts));
  return {
    formulaSetId: formulaSet.id,
    groups,
    total: groups.reduce((total, g) => total + hundredthsOf(g.total), 0) / 100,
    maxScore: groups.reduce((total, g) => total + hundredthsOf(g.maxScore), 0) / 100,
  };
}

/**
 * The counts of a parent unit or a longer period from its parts (children, or months) for the
 * indicators whose counts add up (dossiers, complaints). Distinct counts (procedures, communes) and
 * ratios decided elsewhere cannot be added: they are left out, for the caller to supply the
 * parent's or the period's own figures.
 */
export function aggregateCounts(parts: readonly UnitCounts[], formulaSet: FormulaSet): UnitCounts {
  const result: Record<string, MetricCounts> = {};
  for (const { metrics } of formulaSet.groups) {
    for (const { code, countedIn } of metrics) {
      if (countedIn !== 'dossiers' && countedIn !== 'complaints') continue;
      const present = parts.map((p) => p[code]).filter((c): c is MetricCounts => c !== undefined);
      if (present.length === 0 || present.some((c) => rateOf(c).basis === 'ratio')) continue;
      const sum = (pick: (c: MetricCounts) => number | null) =>
        present.some((c) => pick(c) !== null) ? present.reduce((total, c) => total + (pick(c) ?? 0), 0) : null;
      result[code] = { numerator: sum((c) => c.numerator), denominator: sum((c) => c.denominator) };
    }
  }
  return result;
}

/** Scores a unit for a month, quarter or year with the formula set valid on the period's first day; null before any set. */
export function scoreForPeriod(counts: UnitCounts, period: Period, sets: readonly FormulaSet[] = formulaSets): UnitScore | null {
  const formulaSet = formulaSetFor(periodStart(period), sets);
  return formulaSet ? scoreUnit(counts, formulaSet) : null;
}

/**
 * The numerator of DOSSIER_RECEIVING_SATISFACTION: dossiers neither late nor with a complaint or a
 * dislike, so that its rate is 1 − (late rate + rate of dossiers with a complaint or a dislike).
 */
export function satisfiedDossiers(counts: { dossiers: number; late: number; withComplaintOrDislike: number }): number {
  return Math.max(0, counts.dossiers - counts.late - counts.withComplaintOrDislike);
}
