import { sql } from 'drizzle-orm';
import { dayOfMoment, isoDateOf } from '../../calendar/domain/local-time.ts';
import type { Database } from '../../platform/db/client.ts';
import { applyEventsToRollups } from '../rollups/maintain.ts';
import { readDrilldown } from './drilldown.ts';
import { computeOverview, readOverview } from './overview.ts';
import { computeRanking, readRanking } from './ranking.ts';

export interface Timing {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  await work(); // warm: plans, caches, the unit tree
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round((ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] ?? 0) * 10) / 10;
  return { runs, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

/**
 * Times what a leader's page load asks of the database (rollups only), and the rollup job's run
 * after one new dossier event (its lag is this plus the job's 5-second schedule).
 */
export async function benchDashboard(database: Database, input: { provinceCode: string; period?: string; runs: number }) {
  const { db } = database;
  const today = isoDateOf(dayOfMoment(Date.now()));
  const [{ month } = { month: today.slice(0, 7) }] = (
    await db.execute<{ month: string }>(
      sql`SELECT to_char(max(month) - interval '1 month', 'YYYY-MM') AS month FROM indicator_rollup_monthly`,
    )
  ).rows;
  const period = input.period ?? month;
  const counts = (
    await db.execute<{ dossiers: number; events: number; daily: number; monthly: number }>(sql`SELECT
      (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM dossier_events)::int AS events,
      (SELECT count(*) FROM indicator_rollup_daily)::int AS daily, (SELECT count(*) FROM indicator_rollup_monthly)::int AS monthly`)
  ).rows[0];
  const base = { provinceCode: input.provinceCode, period, view: 'current' as const, today };
  const province = { ...base, unitCode: input.provinceCode };
  const communes = { ...base, level: 'commune' as const, indicator: 'INDEX' };
  // What a page load costs: the cached answer (valid while the period's rollups are unchanged), and
  // what recomputing it from the rollups costs (after a change within the period).
  const overview = await time(input.runs, () => readOverview(db, province));
  const ranking = await time(input.runs, () => readRanking(db, communes));
  const rankingKpi = await time(input.runs, () => readRanking(db, { ...communes, indicator: 'ON_TIME_RATE' }));
  const overviewComputed = await time(input.runs, () => computeOverview(db, province));
  const rankingComputed = await time(input.runs, () => computeRanking(db, communes));
  const top = await readRanking(db, { ...communes, indicator: 'ON_TIME_RATE' });
  const busiest = [...top.rows].sort((a, b) => b.headline.received - a.headline.received)[0]?.code ?? input.provinceCode;
  const drilldown = await time(input.runs, () => readDrilldown(db, { ...base, unitCode: busiest, kind: 'late', page: 1, pageSize: 50 }));

  // Rollup lag: a satisfaction vote on a dossier (what the feedback API writes: the vote and its event),
  // the job's run, then the running month's ranking, recomputed since the run touched today. The job
  // runs every 5 s: a new event shows on the dashboard after at most 5 s plus these.
  const running = { ...communes, period: today.slice(0, 7) };
  await applyEventsToRollups(db);
  await readRanking(db, running);
  const unvoted = (
    await db.execute<{ id: string }>(sql`SELECT d.id FROM dossiers d LEFT JOIN satisfaction_votes v ON v.dossier_id = d.id
      WHERE d.processing_ended_at IS NOT NULL AND v.dossier_id IS NULL ORDER BY d.processing_ended_at DESC LIMIT 5`)
  ).rows.map((r) => r.id);
  const note = (id: string) =>
    db.execute(sql`INSERT INTO dossier_events (dossier_id, at, action, from_status, to_status, actor_kind, details)
      SELECT id, now(), 'bench_note', status, status, 'system', '{"bench": true}'::jsonb FROM dossiers WHERE id = ${id}`);
  const lag: number[] = [];
  const lagRanking: number[] = [];
  for (const id of unvoted) {
    await db.execute(
      sql`INSERT INTO satisfaction_votes (dossier_id, is_like, reasons, created_at) VALUES (${id}, true, '[]'::jsonb, now())`,
    );
    await note(id);
    const started = performance.now();
    await applyEventsToRollups(db);
    lag.push(performance.now() - started);
    const ranked = performance.now();
    await readRanking(db, running);
    lagRanking.push(performance.now() - ranked);
  }
  // Undo: remove the votes, let the job take them back out, then drop the bench's events.
  for (const id of unvoted) {
    await db.execute(sql`DELETE FROM satisfaction_votes WHERE dossier_id = ${id}`);
    await note(id);
  }
  await applyEventsToRollups(db);
  await db.execute(sql`DELETE FROM dossier_events WHERE action = 'bench_note'`);
  return {
    period,
    data: counts,
    overviewProvince: overview,
    overviewProvinceComputed: overviewComputed,
    rankingAllCommunesIndex: ranking,
    rankingAllCommunesIndexComputed: rankingComputed,
    rankingAllCommunesKpi: rankingKpi,
    drilldownLatePage: drilldown,
    rollupJobAfterOneEventMs: lag.map((ms) => Math.round(ms)),
    runningMonthRankingAfterJobMs: lagRanking.map((ms) => Math.round(ms)),
  };
}
