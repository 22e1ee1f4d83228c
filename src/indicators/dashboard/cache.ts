import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { PeriodWindow } from './period-window.ts';

/**
 * Dashboard answers kept in indicator_dashboard_cache and served again while the rollups have not
 * changed within their period: every run of the rollup job logs the earliest day it touched
 * (indicator_rollup_changes), so a past month's ranking stays valid while today's dossiers flow in,
 * and a running period is recomputed after each run that touched it. Entries also expire after an
 * hour, so changes outside the rollups (the procedure catalogue, units) show within the hour.
 */

/** Bump when the shape or the computation of a cached answer changes. */
const cacheVersion = 1;

/** The answer for `key` over a window: the cached one while still valid, else computed and kept. */
export async function cachedAnswer<T>(db: Db, key: string, window: PeriodWindow, compute: () => Promise<T>): Promise<T> {
  const fullKey = `v${cacheVersion}|${key}`;
  const hit = await db.execute<{ payload: T }>(sql`
    SELECT c.payload FROM indicator_dashboard_cache c
    WHERE c.key = ${fullKey} AND c.as_of = ${window.asOf} AND c.computed_at > now() - interval '1 hour'
      AND NOT EXISTS (SELECT 1 FROM indicator_rollup_changes x WHERE x.to_event_id > c.event_id AND x.min_day <= c.period_end)`);
  const cached = hit.rows[0];
  if (cached) return (typeof cached.payload === 'string' ? JSON.parse(cached.payload) : cached.payload) as T;
  // The watermark is read before computing: a run that commits meanwhile is caught by the next check.
  const mark = await db.execute<{ id: string | number }>(
    sql`SELECT coalesce((SELECT last_event_id FROM indicator_rollup_state WHERE name = 'dossier_events'), 0) AS id`,
  );
  const value = await compute();
  await db.execute(sql`
    INSERT INTO indicator_dashboard_cache (key, event_id, period_end, as_of, payload, computed_at)
    VALUES (${fullKey}, ${Number(mark.rows[0]?.id ?? 0)}, ${window.end}, ${window.asOf}, ${JSON.stringify(value)}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET event_id = excluded.event_id, period_end = excluded.period_end, as_of = excluded.as_of,
      payload = excluded.payload, computed_at = excluded.computed_at`);
  return value;
}
