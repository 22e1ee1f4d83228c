import type { Database } from '../platform/db/client.ts';
import type { RecurringJob } from '../platform/jobs/runner.ts';
import { applyEventsToRollups } from './rollups/maintain.ts';

/** The indicators' recurring jobs: new dossier events into the rollups every 5 seconds (target lag ≤ 60 s). */
export function indicatorJobs(database: Database): RecurringJob[] {
  return [{ name: 'indicators-apply-rollups', everySeconds: 5, run: () => applyEventsToRollups(database.db) }];
}
