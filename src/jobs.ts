import type { AppConfig } from './config.ts';
import { dossierJobs } from './dossiers/jobs.ts';
import { identityJobs } from './identity/jobs.ts';
import { indicatorJobs } from './indicators/jobs.ts';
import type { NotificationDispatcher } from './notifications/outbox.ts';
import { notificationJobs } from './notifications/jobs.ts';
import type { Database } from './platform/db/client.ts';
import { rateLimitJobs } from './platform/http/rate-limit-store.ts';
import type { RecurringJob } from './platform/jobs/runner.ts';

/**
 * Every recurring job of the platform: the rollups of the indicators, the notification outbox, the
 * deadline alerts, the purge of expired sessions and of ended rate-limit windows. `npm start` runs them itself (JOBS=in-process)
 * or leaves them to `npm run worker`.
 */
export function platformJobs(database: Database, notifications: NotificationDispatcher, config: AppConfig): RecurringJob[] {
  return [
    ...indicatorJobs(database),
    ...notificationJobs(notifications),
    ...dossierJobs(database, notifications, config),
    ...identityJobs(database),
    ...rateLimitJobs(database),
  ];
}
