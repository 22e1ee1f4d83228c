import type { RecurringJob } from '../platform/jobs/runner.ts';
import type { NotificationDispatcher } from './outbox.ts';

/**
 * The outbox's recurring job: every 10 seconds, send what is due (rows no process sent after commit,
 * e.g. with NOTIFICATIONS_DISPATCH=queue-only or after a crash, and failed rows whose backoff ran out).
 */
export function notificationJobs(dispatcher: NotificationDispatcher): RecurringJob[] {
  return [{ name: 'notifications-send-due', everySeconds: 10, run: () => dispatcher.sendDue() }];
}
