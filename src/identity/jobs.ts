import type { Database } from '../platform/db/client.ts';
import type { RecurringJob } from '../platform/jobs/runner.ts';
import { purgeExpiredSandboxEntries } from './sandbox/database-adapter.ts';
import { purgeExpiredSessions } from './sessions.ts';

/**
 * Identity's recurring jobs, every 5 minutes: remove the sessions that expired, and the sandbox VNeID's
 * expired records. A request with an expired token removes its own session already; this clears those
 * nobody came back with, so the table holds only live sessions (and their IP addresses and user agents
 * are not kept longer than needed).
 */
export function identityJobs(database: Database, now: () => Date = () => new Date()): RecurringJob[] {
  return [
    { name: 'identity-purge-expired-sessions', everySeconds: 300, run: () => purgeExpiredSessions(database.db, now()) },
    // The sandbox VNeID's expired interactions, codes and tokens (demo mode; the table is empty otherwise).
    { name: 'identity-purge-sandbox-oidc-entries', everySeconds: 300, run: () => purgeExpiredSandboxEntries(database) },
  ];
}
