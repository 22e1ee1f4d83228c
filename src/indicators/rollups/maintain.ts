import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { withoutSecondaryIndexes } from '../../platform/db/secondary-indexes.ts';
import { procedureCounters, rollupCounters, type RollupCounter } from '../domain/rollup-counters.ts';
import {
  addInto,
  complaintFactColumns,
  complaintFactsSelect,
  dailyKeys,
  dossierFactColumns,
  dossierFactsSelect,
  insertInto,
  monthlyKeys,
  overdueCounters,
  overdueKeys,
  periodKeys,
  procedureMonthlyKeys,
  procedurePeriodKeys,
  spreadComplaintFacts,
  spreadDossierFacts,
  sumByDay,
  sumByMonth,
  sumByPeriod,
  sumByProcedureMonth,
  sumByProcedurePeriod,
  sumOverdue,
} from './facts-sql.ts';

/** The watermark row's name in indicator_rollup_state. */
const stateName = 'dossier_events';

/** One advisory lock serialises every writer of the rollups (jobs on several processes, the rebuild). */
const lockKey = 766_2025;

export interface ApplyOptions {
  /** Re-apply from this event id instead of the watermark (safe: a dossier's contribution is recomputed whole). */
  sinceEventId?: number;
  /** Events per transaction. */
  batchSize?: number;
  /**
   * How long a missing event id after the watermark is waited for before it is skipped. Ids come from
   * a sequence: a gap is a transaction still in flight (its events will commit) or one rolled back
   * (they never will). Waiting keeps in-flight events from being passed over.
   */
  gapTimeoutMs?: number;
  now?: () => Date;
}

export interface ApplyResult {
  /** Events applied in this run. */
  events: number;
  /** Dossiers whose contribution was recomputed (a dossier counts once per batch). */
  dossiers: number;
  lastEventId: number;
  /** True when the run stopped at a gap it is still waiting on. */
  isWaitingOnGap: boolean;
}

type StateRow = {
  last_event_id: string | number;
  gap_seen_at: string | Date | null;
};

async function readState(q: Queryable): Promise<{ lastEventId: number; gapSeenAt: Date | null }> {
  await q.execute(sql.raw(`INSERT INTO indicator_rollup_state (name) VALUES ('${stateName}') ON CONFLICT (name) DO NOTHING`));
  const result = await q.execute<StateRow>(
    sql.raw(`SELECT last_event_id, gap_seen_at FROM indicator_rollup_state WHERE name = '${stateName}' FOR UPDATE`),
  );
  const row = result.rows[0];
  return {
    lastEventId: Number(row?.last_event_id ?? 0),
    gapSeenAt: row?.gap_seen_at ? new Date(row.gap_seen_at) : null,
  };
}

async function writeState(q: Queryable, lastEventId: number, gapSeenAt: Date | null): Promise<void> {
  await q.execute(
    sql`UPDATE indicator_rollup_state SET last_event_id = ${lastEventId}, gap_seen_at = ${gapSeenAt?.toISOString() ?? null}, updated_at = now()
        WHERE name = ${stateName}`,
  );
}

const int = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
};

/**
 * The statement that applies the events (from, to]: every dossier they touch has its old
 * contribution taken away and its new one added, in the daily, monthly and procedure rollups.
 */
export function applyRangeStatement(from: number, to: number): string {
  const factCols = dossierFactColumns.join(', ');
  const complaintCols = complaintFactColumns.join(', ');
  return `
WITH changed AS (
  SELECT DISTINCT dossier_id FROM dossier_events WHERE id > ${int(from)} AND id <= ${int(to)}
),
old_facts AS (
  DELETE FROM indicator_dossier_facts f USING changed c WHERE f.dossier_id = c.dossier_id RETURNING f.*
),
new_facts AS (
  INSERT INTO indicator_dossier_facts (${factCols}) ${dossierFactsSelect('changed')} RETURNING *
),
old_complaints AS (
  DELETE FROM indicator_complaint_facts f USING changed c WHERE f.dossier_id = c.dossier_id RETURNING f.*
),
new_complaints AS (
  INSERT INTO indicator_complaint_facts (${complaintCols}) ${complaintFactsSelect('changed')} RETURNING *
),
deltas AS (
  ${sumByDay(
    [
      spreadDossierFacts('old_facts', -1),
      spreadDossierFacts('new_facts', 1),
      spreadComplaintFacts('old_complaints', -1),
      spreadComplaintFacts('new_complaints', 1),
    ].join('\nUNION ALL\n'),
  )}
),
daily AS (
  ${addInto('indicator_rollup_daily', dailyKeys, rollupCounters, 'SELECT * FROM deltas')}
  RETURNING 1
),
monthly AS (
  ${addInto('indicator_rollup_monthly', monthlyKeys, rollupCounters, sumByMonth('deltas'))}
  RETURNING 1
),
procedure_monthly AS (
  ${addInto('indicator_rollup_procedure_monthly', procedureMonthlyKeys, procedureCounters, sumByProcedureMonth('deltas'))}
  RETURNING 1
),
overdue AS (
  ${addInto('indicator_rollup_overdue', overdueKeys, overdueCounters, sumOverdue('deltas'))}
  RETURNING 1
),
by_period AS (
  ${addInto('indicator_rollup_period', periodKeys, rollupCounters, sumByPeriod('deltas'))}
  RETURNING 1
),
procedure_by_period AS (
  ${addInto('indicator_rollup_procedure_period', procedurePeriodKeys, procedureCounters, sumByProcedurePeriod('deltas'))}
  RETURNING 1
),
changes AS (
  INSERT INTO indicator_rollup_changes (to_event_id, min_day)
  SELECT ${int(to)}, min(day) FROM deltas HAVING count(*) > 0
  ON CONFLICT (to_event_id) DO UPDATE SET min_day = least(indicator_rollup_changes.min_day, excluded.min_day), at = now()
  RETURNING 1
)
SELECT (SELECT count(*) FROM changed)::int AS dossiers, (SELECT count(*) FROM daily)::int AS daily_rows`;
}

/**
 * Applies new dossier events to the rollups in event-id order, one transaction per batch, moving the
 * watermark in the same transaction: safe to run again, from several processes, or after a crash.
 * Scheduled every few seconds by the job runner; the dashboards read what it maintains.
 */
export async function applyEventsToRollups(db: Db, options: ApplyOptions = {}): Promise<ApplyResult> {
  const batchSize = options.batchSize ?? 20_000;
  const gapTimeoutMs = options.gapTimeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  let sinceEventId = options.sinceEventId;
  const result: ApplyResult = { events: 0, dossiers: 0, lastEventId: 0, isWaitingOnGap: false };
  for (;;) {
    const step = await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SELECT pg_advisory_xact_lock(${lockKey})`));
      const state = await readState(tx);
      const from = sinceEventId ?? state.lastEventId;
      const ids = await tx.execute<{ id: string | number }>(
        sql.raw(`SELECT id FROM dossier_events WHERE id > ${int(from)} ORDER BY id LIMIT ${int(batchSize)}`),
      );
      const list = ids.rows.map((r) => Number(r.id));
      if (list.length === 0) {
        if (state.gapSeenAt) await writeState(tx, from, null);
        return { done: true, waiting: false, from, to: from, events: 0, dossiers: 0 };
      }
      let expected = from + 1;
      if (list[0] !== expected) {
        const seen = state.gapSeenAt ?? now();
        if (now().getTime() - seen.getTime() < gapTimeoutMs) {
          await writeState(tx, from, seen);
          return { done: true, waiting: true, from, to: from, events: 0, dossiers: 0 };
        }
        expected = list[0] as number; // waited long enough: the missing ids were rolled back.
      }
      let to = expected - 1;
      for (const id of list) {
        if (id !== to + 1) break;
        to = id;
      }
      const applied = await tx.execute<{ dossiers: number }>(sql.raw(applyRangeStatement(from, to)));
      await writeState(tx, to, null);
      const events = list.filter((id) => id <= to).length;
      return { done: false, waiting: false, from, to, events, dossiers: Number(applied.rows[0]?.dossiers ?? 0) };
    });
    sinceEventId = undefined;
    // The change log only has to outlive the dashboard cache's entries (an hour).
    if (step.events > 0 && result.events === 0)
      await db.execute(sql`DELETE FROM indicator_rollup_changes WHERE at < now() - interval '2 hours'`);
    result.events += step.events;
    result.dossiers += step.dossiers;
    result.lastEventId = step.to;
    result.isWaitingOnGap = step.waiting;
    if (step.done) return result;
  }
}

export interface RebuildResult {
  dossiers: number;
  complaints: number;
  dailyRows: number;
  monthlyRows: number;
  lastEventId: number;
}

export interface RebuildOptions {
  /** work_mem for the rebuild's transaction (e.g. `1GB`): its aggregates then stay in memory at millions of dossiers. */
  workMem?: string;
}

/** Whether a text is a memory size PostgreSQL takes for work_mem, like `512MB` or `1GB`. */
export const isWorkMem = (text: string) => /^[1-9][0-9]{0,6}(kB|MB|GB)$/.test(text);

/** The tables the rebuild fills from scratch. */
const rebuiltTables = [
  'indicator_dossier_facts',
  'indicator_complaint_facts',
  'indicator_rollup_daily',
  'indicator_rollup_monthly',
  'indicator_rollup_procedure_monthly',
  'indicator_rollup_overdue',
  'indicator_rollup_period',
  'indicator_rollup_procedure_period',
];

/**
 * Recomputes every rollup from the dossiers, their events, votes and complaints, for audit. Dossier
 * writers wait while it runs (it holds a share lock on the events), so the watermark it leaves is exact;
 * the result must equal what the incremental job maintains.
 */
export async function rebuildRollups(db: Db, options: RebuildOptions = {}): Promise<RebuildResult> {
  if (options.workMem !== undefined && !isWorkMem(options.workMem))
    throw new RangeError(`work_mem must look like 512MB: ${options.workMem}`);
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SELECT pg_advisory_xact_lock(${lockKey})`));
    await tx.execute(sql.raw('LOCK TABLE dossier_events IN SHARE MODE'));
    if (options.workMem) await tx.execute(sql.raw(`SET LOCAL work_mem = '${options.workMem}'`));
    await tx.execute(sql.raw(`TRUNCATE ${rebuiltTables.join(', ')}, indicator_dashboard_cache`));
    // The tables are empty now: their indexes and keys are built once at the end instead of row by row
    // (no foreign key refers to them; each is filled by a GROUP BY on its key, so the keys hold).
    await withoutSecondaryIndexes(
      tx,
      rebuiltTables,
      async () => {
        await tx.execute(sql.raw(`INSERT INTO indicator_dossier_facts (${dossierFactColumns.join(', ')}) ${dossierFactsSelect(null)}`));
        await tx.execute(
          sql.raw(`INSERT INTO indicator_complaint_facts (${complaintFactColumns.join(', ')}) ${complaintFactsSelect(null)}`),
        );
        const spreads = [spreadDossierFacts('indicator_dossier_facts', 1), spreadComplaintFacts('indicator_complaint_facts', 1)].join(
          '\nUNION ALL\n',
        );
        // Each table is empty and each SELECT groups by its key: plain inserts, in the order the dashboard
        // reads them (a month's or a period's rows together). Quarters and years add up the monthly rows,
        // which are far fewer than the daily ones (same sums).
        const fill = async (
          table: string,
          keys: readonly string[],
          counters: readonly RollupCounter[],
          rows: string,
          order: readonly string[],
        ) => tx.execute(sql.raw(insertInto(table, keys, counters, rows, order)));
        await fill('indicator_rollup_daily', dailyKeys, rollupCounters, sumByDay(spreads), ['province_code', 'day', 'unit_id']);
        await fill('indicator_rollup_monthly', monthlyKeys, rollupCounters, sumByMonth('indicator_rollup_daily'), [
          'province_code',
          'month',
          'unit_id',
          'agency_code',
        ]);
        await fill(
          'indicator_rollup_procedure_monthly',
          procedureMonthlyKeys,
          procedureCounters,
          sumByProcedureMonth('indicator_rollup_daily'),
          ['province_code', 'month', 'unit_id', 'procedure_code'],
        );
        await fill('indicator_rollup_overdue', overdueKeys, overdueCounters, sumOverdue('indicator_rollup_monthly'), overdueKeys);
        await fill('indicator_rollup_period', periodKeys, rollupCounters, sumByPeriod('indicator_rollup_monthly', 'month'), periodKeys);
        await fill(
          'indicator_rollup_procedure_period',
          procedurePeriodKeys,
          procedureCounters,
          sumByProcedurePeriod('indicator_rollup_procedure_monthly', 'month'),
          procedurePeriodKeys,
        );
      },
      { keys: true },
    );
    await tx.execute(sql.raw(`ANALYZE ${rebuiltTables.join(', ')}`));
    const counts = await tx.execute<{ dossiers: number; complaints: number; daily: number; monthly: number; last: string | number }>(
      sql.raw(`SELECT
        (SELECT count(*) FROM indicator_dossier_facts)::int AS dossiers,
        (SELECT count(*) FROM indicator_complaint_facts)::int AS complaints,
        (SELECT count(*) FROM indicator_rollup_daily)::int AS daily,
        (SELECT count(*) FROM indicator_rollup_monthly)::int AS monthly,
        (SELECT coalesce(max(id), 0) FROM dossier_events) AS last`),
    );
    const row = counts.rows[0];
    const lastEventId = Number(row?.last ?? 0);
    // Everything may have changed: cached dashboard answers computed before are void.
    await tx.execute(
      sql`INSERT INTO indicator_rollup_changes (to_event_id, min_day) VALUES (${lastEventId}, '0001-01-01')
          ON CONFLICT (to_event_id) DO UPDATE SET min_day = '0001-01-01', at = now()`,
    );
    await readState(tx);
    await writeState(tx, lastEventId, null);
    return {
      dossiers: Number(row?.dossiers ?? 0),
      complaints: Number(row?.complaints ?? 0),
      dailyRows: Number(row?.daily ?? 0),
      monthlyRows: Number(row?.monthly ?? 0),
      lastEventId,
    };
  });
}
