import type { AppConfig } from '../config.ts';
import type { NotificationDispatcher } from '../notifications/outbox.ts';
import type { Database } from '../platform/db/client.ts';
import type { RecurringJob } from '../platform/jobs/runner.ts';
import { deadlineCalendarFor } from './deadline-calendar.ts';
import { markDeadlines } from './deadline-alerts.ts';
import { foldStatusCountDeltas } from './status-counts.ts';

/** The dossiers' recurring jobs: deadline warnings (due within one working day, overdue) every minute; status counts folded every 5 s. */
export function dossierJobs(database: Database, notifications: NotificationDispatcher, config: AppConfig): RecurringJob[] {
  const deps = {
    db: database.db,
    now: () => new Date(),
    calendarFor: deadlineCalendarFor,
    provinceCode: config.provinceCode,
    notices: { dispatcher: notifications, publicUrl: config.publicUrl, dispatchAfterCommit: config.mail.dispatch !== 'queue-only' },
  };
  return [
    { name: 'dossiers-deadline-alerts', everySeconds: 60, run: () => markDeadlines(deps) },
    // Keeps the deltas behind the province-wide inbox counts few (status-counts.ts).
    { name: 'dossiers-fold-status-counts', everySeconds: 5, run: () => foldStatusCountDeltas(database.db) },
  ];
}
