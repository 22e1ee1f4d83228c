import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Request counters of the rate-limited routes (sign-in, public dossier lookup, document checks,
 * payment returns), one row per route and client address while its window lasts. Kept in the
 * database so that every app process counts against the same limit (docs/operations.md).
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    /** The route: its method and URL pattern, e.g. "GET /api/v1/public/dossiers/:code". */
    bucket: text('bucket').notNull(),
    /** Whom it counts: the client address. */
    key: text('key').notNull(),
    hits: integer('hits').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key] })],
);
