import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/client.ts';
import type { RecurringJob } from '../jobs/runner.ts';

/**
 * One request counted: a new window when there is none or it ended, else one more hit in it.
 * The database's clock decides the windows, so every app process agrees on them.
 */
const countStatement = `
INSERT INTO rate_limit_counters AS c (bucket, key, hits, window_ends_at)
VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
ON CONFLICT (bucket, key) DO UPDATE SET
  hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE least(c.hits, 2147483646) + 1 END,
  window_ends_at = CASE WHEN c.window_ends_at <= now() THEN excluded.window_ends_at ELSE c.window_ends_at END
RETURNING hits, greatest(0, ceil(extract(epoch FROM c.window_ends_at - now()) * 1000))::int AS ttl`;

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/** What @fastify/rate-limit hands a store's `child`: the route's merged options, with the route. */
interface RouteLimit {
  routeInfo?: { method?: string | string[]; url?: string };
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
}

function bucketOf(limit: RouteLimit): string {
  const route = limit.routeInfo;
  if (!route?.url) return 'global';
  return `${[route.method ?? '*'].flat().join(',')} ${route.url}`;
}

/**
 * A @fastify/rate-limit store that keeps the counters in the platform's database, so the limits hold
 * for the whole deployment however many app processes serve it (an in-memory store would let each
 * process count its own share: N processes, N times the limit). One upsert per rate-limited request;
 * those routes (sign-in, the public dossier lookup, document checks) are not hot paths.
 *
 * Fixed windows, as the plugin's own stores count. The plugin's `continueExceeding` and
 * `exponentialBackoff` are not offered: a route asking for them is refused at start. Nor is a
 * non-counting peek (`read`, for `{ increment: false }`), which no route uses; the plugin refuses it clearly.
 */
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #bucket: string;

    constructor(options: FastifyRateLimitOptions | RouteLimit) {
      const limit = options as RouteLimit;
      if (limit.continueExceeding || limit.exponentialBackoff)
        throw new Error('rate limits kept in the database count fixed windows: continueExceeding and exponentialBackoff are not supported');
      this.#bucket = bucketOf(limit);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      database
        .query<{ hits: number; ttl: number }>({ name: 'rate-limit.count', text: countStatement, values: [this.#bucket, key, timeWindow] })
        .then(([row]) => callback(null, { current: row?.hits ?? 1, ttl: row?.ttl ?? timeWindow }), callback);
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions as RouteLimit);
    }
  }
  return DatabaseRateLimitStore;
}

/** Removes the counters whose window ended; returns how many. */
export async function purgeEndedRateLimitWindows(database: Database): Promise<number> {
  const rows = await database.query<{ n: number }>({
    name: 'rate-limit.purge',
    text: `WITH gone AS (DELETE FROM rate_limit_counters WHERE window_ends_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    values: [],
  });
  return rows[0]?.n ?? 0;
}

/** Every 5 minutes, the counters of ended windows are removed (they hold client addresses). */
export function rateLimitJobs(database: Database): RecurringJob[] {
  return [{ name: 'platform-purge-rate-limit-counters', everySeconds: 300, run: () => purgeEndedRateLimitWindows(database) }];
}
