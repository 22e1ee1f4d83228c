import type { Database } from '../platform/db/client.ts';
import type { RecurringJob } from '../platform/jobs/runner.ts';
import { purgeExpiredSessions } from './sessions.ts';

/**
 * Identity's recurring job: every 5 minutes, remove the sessions that expired. A request with an
 * expired token removes its own session already; this clears those nobody came back with, so the
 * table holds only live sessions (and their IP addresses and user agents are not kept longer than needed).
 */
export function identityJobs(database: Database, now: () => Date = () => new Date()): RecurringJob[] {
  return [{ name: 'identity-purge-expired-sessions', everySeconds: 300, run: () => purgeExpiredSessions(database.db, now()) }];
}
