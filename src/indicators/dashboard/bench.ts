import { sql } from 'drizzle-orm';
import { dayOfMoment, isoDateOf } from '../../calendar/domain/local-time.ts';
import type { Database } from '../../platform/db/client.ts';
import { applyEventsToRollups } from '../rollups/maintain.ts';
import { readDrilldown } from './drilldown.ts';
import { readOverview } from './overview.ts';
import { readRanking } from './ranking.ts';

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
  const overview = await time(input.runs, () => readOverview(db, { ...base, unitCode: input.provinceCode }));
  const ranking = await time(input.runs, () => readRanking(db, { ...base, level: 'commune', indicator: 'INDEX' }));
  const rankingKpi = await time(input.runs, () => readRanking(db, { ...base, level: 'commune', indicator: 'ON_TIME_RATE' }));
  const top = await readRanking(db, { ...base, level: 'commune', indicator: 'ON_TIME_RATE' });
  const busiest = [...top.rows].sort((a, b) => b.headline.received - a.headline.received)[0]?.code ?? input.provinceCode;
  const drilldown = await time(input.runs, () => readDrilldown(db, { ...base, unitCode: busiest, kind: 'late', page: 1, pageSize: 50 }));

  // Rollup lag: one new event on an existing dossier, then the job.
  await applyEventsToRollups(db);
  const lag: number[] = [];
  for (let i = 0; i < 5; i++) {
    await db.execute(sql`INSERT INTO dossier_events (dossier_id, at, action, from_status, to_status, actor_kind, details)
      SELECT id, now(), 'bench_note', status, status, 'system', '{"bench": true}'::jsonb FROM dossiers ORDER BY submitted_at DESC LIMIT 1`);
    const started = performance.now();
    await applyEventsToRollups(db);
    lag.push(performance.now() - started);
  }
  await db.execute(sql`DELETE FROM dossier_events WHERE action = 'bench_note'`);
  return {
    period,
    data: counts,
    overviewProvince: overview,
    rankingAllCommunesIndex: ranking,
    rankingAllCommunesKpi: rankingKpi,
    drilldownLatePage: drilldown,
    rollupJobAfterOneEventMs: lag.map((ms) => Math.round(ms)),
  };
}
