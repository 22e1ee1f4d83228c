import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { counterColumn, rollupCounters } from '../domain/rollup-counters.ts';
import type { PeriodCounts } from '../domain/kpis.ts';
import { zeroCounts, type Share } from './aggregate.ts';
import type { PeriodWindow } from './period-window.ts';

/**
 * Reads the rollup tables — and only them — for a window of months, summed into the units a leader
 * looks at in the database itself: each unit row as filed is mapped onto its target(s) with a
 * weight (1, or a share of a split unit), passed in as arrays. Also reads the open dossiers past
 * their appointment at the window's end: the running sum of the overdue deltas up to that day.
 */

/** A unit row as filed and where it goes. */
export interface UnitMapping extends Share {
  unitId: number;
}

export interface MappedCounts {
  key: string;
  /** Set when grouped by agency. */
  agencyCode: string | null;
  /** Set when grouped by month ("YYYY-MM-01"). */
  month: string | null;
  counts: PeriodCounts;
  isEstimate: boolean;
}

/** The procedures a target had dossiers for in a window, by kind of dossier. */
export interface ProcedurePresence {
  key: string;
  online: readonly string[];
  withDossiers: readonly string[];
  paidOnline: readonly string[];
}

/** Grouping beyond the target: none, the handling agency, or the month. */
export type Grouping = 'target' | 'agency' | 'month';

/** The mapping as a relation `m(unit_id, key, weight, is_estimate)`, from four array parameters. */
function mappingRelation(mapping: readonly UnitMapping[]): SQL {
  return sql`(SELECT * FROM unnest(${sql.param(mapping.map((m) => m.unitId))}::int[], ${sql.param(mapping.map((m) => m.key))}::text[],
    ${sql.param(mapping.map((m) => m.weight))}::float8[], ${sql.param(mapping.map((m) => m.isEstimate))}::boolean[])) AS m(unit_id, key, weight, is_estimate)`;
}

const inList = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

function grouping(by: Grouping): { select: string; group: string } {
  if (by === 'agency') return { select: 'm.key, r.agency_code', group: 'm.key, r.agency_code' };
  if (by === 'month') return { select: `m.key, to_char(r.month, 'YYYY-MM-DD') AS month`, group: 'm.key, r.month' };
  return { select: 'm.key', group: 'm.key' };
}

type Row = Record<string, unknown> & { key: string; agency_code?: string; month?: string; overdue?: number; is_estimate?: boolean };
const rowKey = (key: string, agencyCode: string | null | undefined, month: string | null | undefined) =>
  `${key}|${agencyCode ?? ''}|${month ?? ''}`;

/**
 * Where a window's sums are read: a quarter or a year from its period rollup (one row per unit and
 * agency or procedure; the months after today hold only future-dated overdue deltas, which the counters
 * do not use), a month from the monthly one.
 */
function wholePeriod(window: PeriodWindow, periodTable: 'indicator_rollup_period' | 'indicator_rollup_procedure_period'): string {
  if (window.period.kind === 'month')
    return periodTable === 'indicator_rollup_period' ? 'indicator_rollup_monthly' : 'indicator_rollup_procedure_monthly';
  return periodTable;
}

/** The condition picking a window's months from a monthly rollup. */
const monthsOf = (window: PeriodWindow): SQL => sql`r.month >= ${window.months[0]} AND r.month <= ${window.months.at(-1)}`;

/** The condition picking a window's rows from the table `wholePeriod` chose. */
const periodOf = (window: PeriodWindow): SQL =>
  window.period.kind === 'month' ? monthsOf(window) : sql`r.granularity = ${window.period.kind} AND r.period_start = ${window.start}`;

/** The first day of the month after an ISO date's month. */
function nextMonthStart(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

const isLastDayOfMonth = (isoDate: string) => {
  const next = new Date(`${isoDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/**
 * Every counter summed over the window's months per target (and agency or month), with the open
 * overdue dossiers at the window's end (by month: at each month's end, the window's end for the last).
 */
export async function readMappedCounts(
  db: Db,
  provinceCodes: readonly string[],
  window: PeriodWindow,
  mapping: readonly UnitMapping[],
  by: Grouping,
): Promise<MappedCounts[]> {
  if (window.months.length === 0 || mapping.length === 0) return [];
  const first = window.months[0] as string;
  const last = window.months.at(-1) as string;
  const provinces = inList(provinceCodes);
  const m = mappingRelation(mapping);
  const { select, group } = grouping(by);
  const counters = sql.raw(rollupCounters.map((c) => `sum(r.${counterColumn(c)} * m.weight)::float8 AS "${c}"`).join(', '));
  // Reads side by side: the window's months for the counters; for the running count of open overdue
  // dossiers, the all-time total per unit less the deltas of the months after the window (by month:
  // after each of its months); while the window runs (it ends today), appointments later this month.
  const overdueGroup = grouping(by);
  const futureGroup = by === 'agency' ? grouping('agency') : grouping('target');
  const isRunning = !isLastDayOfMonth(window.asOf);
  const totalsGroup = by === 'month' ? grouping('target') : grouping(by);
  const [sums, totals, later, future] = await Promise.all([
    db.execute<Row>(sql`
      SELECT ${sql.raw(select)}, ${counters}, bool_or(m.is_estimate AND m.weight > 0) AS is_estimate
      FROM ${by === 'month' ? sql.raw('indicator_rollup_monthly') : sql.raw(wholePeriod(window, 'indicator_rollup_period'))} r
        JOIN ${m} ON m.unit_id = r.unit_id
      WHERE r.province_code IN (${provinces}) AND ${by === 'month' ? monthsOf(window) : periodOf(window)}
      GROUP BY ${sql.raw(group)}`),
    db.execute<Row>(sql`
      SELECT ${sql.raw(totalsGroup.select)}, sum(r.overdue_delta * m.weight)::float8 AS overdue
      FROM indicator_rollup_overdue r JOIN ${m} ON m.unit_id = r.unit_id
      WHERE r.province_code IN (${provinces})
      GROUP BY ${sql.raw(totalsGroup.group)}`),
    db.execute<Row>(sql`
      SELECT ${sql.raw(overdueGroup.select)}, sum(r.overdue_delta * m.weight)::float8 AS overdue
      FROM indicator_rollup_monthly r JOIN ${m} ON m.unit_id = r.unit_id
      WHERE r.province_code IN (${provinces}) AND r.month > ${by === 'month' ? first : last} AND r.overdue_delta <> 0
      GROUP BY ${sql.raw(overdueGroup.group)}`),
    isRunning
      ? db.execute<Row & { delta: number }>(sql`
          SELECT ${sql.raw(futureGroup.select)}, sum(r.overdue_delta * m.weight)::float8 AS delta
          FROM indicator_rollup_daily r JOIN ${m} ON m.unit_id = r.unit_id
          WHERE r.province_code IN (${provinces}) AND r.day > ${window.asOf} AND r.day < ${nextMonthStart(window.asOf)}
          GROUP BY ${sql.raw(futureGroup.group)}`)
      : Promise.resolve({ rows: [] as (Row & { delta: number })[] }),
  ]);

  const result = new Map<string, MappedCounts>();
  for (const r of sums.rows) result.set(rowKey(r.key, r.agency_code, r.month), present(r, r.key, r.agency_code ?? null, r.month ?? null));
  const open = new Map<string, number>();
  if (by === 'month') {
    // Open overdue at each month's end: the total less the deltas of every later month.
    const laterByTarget = new Map<string, Map<string, number>>();
    for (const r of later.rows) {
      const months = laterByTarget.get(r.key) ?? new Map<string, number>();
      months.set(r.month ?? '', Number(r.overdue));
      laterByTarget.set(r.key, months);
    }
    const keys = new Set([...totals.rows.map((r) => r.key), ...laterByTarget.keys()]);
    const totalOf = new Map(totals.rows.map((r) => [r.key, Number(r.overdue)]));
    for (const key of keys) {
      const months = laterByTarget.get(key) ?? new Map<string, number>();
      for (const month of window.months) {
        let after = 0;
        for (const [m, delta] of months) if (m > month) after += delta;
        open.set(rowKey(key, null, month), (totalOf.get(key) ?? 0) - after);
      }
    }
  } else {
    for (const r of totals.rows) open.set(rowKey(r.key, r.agency_code, null), Number(r.overdue));
    for (const r of later.rows) {
      const k = rowKey(r.key, r.agency_code, null);
      open.set(k, (open.get(k) ?? 0) - Number(r.overdue));
    }
  }
  for (const r of future.rows) {
    const key = rowKey(r.key, r.agency_code, by === 'month' ? last : null);
    open.set(key, (open.get(key) ?? 0) - Number(r.delta));
  }
  for (const [k, value] of open) {
    if (Math.abs(value) < 1e-9) continue;
    const [key = '', agencyCode, month] = k.split('|');
    const row = result.get(k) ?? { key, agencyCode: agencyCode || null, month: month || null, counts: zeroCounts(), isEstimate: false };
    row.counts.openOverdue = value;
    result.set(k, row);
  }
  return [...result.values()];
}

function present(r: Row, key: string, agencyCode: string | null, month: string | null): MappedCounts {
  const counts = zeroCounts();
  for (const c of rollupCounters) counts[c] = Number(r[c] ?? 0);
  return { key, agencyCode, month, counts, isEstimate: Boolean(r.is_estimate) };
}

/**
 * Which procedures each target had dossiers for over the window's months (for the "procedures with
 * dossiers / with online dossiers / paid online" indicators): distinct codes per target, reduced in
 * the database so a year of a province comes back as one short row per target.
 */
export async function readProcedurePresence(
  db: Db,
  provinceCodes: readonly string[],
  window: PeriodWindow,
  mapping: readonly UnitMapping[],
): Promise<ProcedurePresence[]> {
  if (window.months.length === 0 || mapping.length === 0) return [];
  const rows = await db.execute<{ key: string; online: string[] | null; with_dossiers: string[] | null; paid_online: string[] | null }>(sql`
    SELECT key,
      array_agg(procedure_code) FILTER (WHERE received_online > 0)::text[] AS online,
      array_agg(procedure_code) FILTER (WHERE received > 0)::text[] AS with_dossiers,
      array_agg(procedure_code) FILTER (WHERE paid_online > 0)::text[] AS paid_online
    FROM (
      SELECT m.key, r.procedure_code::text AS procedure_code, sum(r.received) AS received, sum(r.received_online) AS received_online,
        sum(r.paid_online) AS paid_online
      FROM ${sql.raw(wholePeriod(window, 'indicator_rollup_procedure_period'))} r JOIN ${mappingRelation(mapping)} ON m.unit_id = r.unit_id
      WHERE r.province_code IN (${inList(provinceCodes)}) AND ${periodOf(window)}
      GROUP BY m.key, r.procedure_code
    ) p
    GROUP BY key`);
  return rows.rows.map((r) => ({
    key: r.key,
    online: r.online ?? [],
    withDossiers: r.with_dossiers ?? [],
    paidOnline: r.paid_online ?? [],
  }));
}
