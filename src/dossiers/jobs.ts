import type { AppConfig } from '../config.ts';
import type { NotificationDispatcher } from '../notifications/outbox.ts';
import type { Database } from '../platform/db/client.ts';
import type { RecurringJob } from '../platform/jobs/runner.ts';
import { deadlineCalendarFor } from './deadline-calendar.ts';
import { markDeadlines } from './deadline-alerts.ts';

/** The dossiers' recurring jobs: deadline warnings (due within one working day, overdue) every minute. */
export function dossierJobs(database: Database, notifications: NotificationDispatcher, config: AppConfig): RecurringJob[] {
  const deps = {
    db: database.db,
    now: () => new Date(),
    calendarFor: deadlineCalendarFor,
    provinceCode: config.provinceCode,
    notices: { dispatcher: notifications, publicUrl: config.publicUrl, dispatchAfterCommit: config.mail.dispatch !== 'queue-only' },
  };
  return [{ name: 'dossiers-deadline-alerts', everySeconds: 60, run: () => markDeadlines(deps) }];
}
