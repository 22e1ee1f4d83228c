import type { DossierStatus } from '../schema.ts';

/** Thời hạn giải quyết — a statutory processing time as a procedure version states it. */
export interface StatutoryTime {
  amount: number;
  unit: 'hours' | 'days' | 'working_days' | 'months';
}

/**
 * What the workflow needs from the working-day calendar (working hours, weekends, public holidays and
 * make-up days). The calendar module implements it; the workflow stays pure by receiving it.
 */
export interface DeadlineCalendar {
  /** Ngày hẹn trả kết quả: the moment a statutory time counted from `from` runs out. */
  computeAppointment(from: Date, time: StatutoryTime): Date;
  /** Working minutes between two moments (0 when `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number;
  /** The moment `minutes` working minutes after `from`. */
  addWorkingMinutes(from: Date, minutes: number): Date;
  /** The appointment moved later for a supplement pause: by its office hours (working units) or its length (calendar units). */
  extendByPause(appointmentAt: Date, pause: { start: Date; end: Date }, unit: StatutoryTime['unit']): Date;
  /** Working minutes in one working day (8 h = 480 with the default hours). */
  readonly minutesPerWorkingDay: number;
}

/** Statuses in which the dossier is being handled and its clock runs (received, processing, payment awaited). */
export const runningStatuses: readonly DossierStatus[] = [2, 4, 6];

/** Statuses after which nothing more happens to the dossier. */
export const closedStatuses: readonly DossierStatus[] = [3, 7, 8, 10];

/** What the deadline rules look at on a dossier. */
export interface DeadlineFacts {
  status: DossierStatus;
  appointmentAt: Date | null;
  processingEndedAt: Date | null;
  supplementRequestCount: number;
  isMarkedLate: boolean;
}

/** Whether a running dossier is past its appointment at `now` (a paused or finished one never is). */
export function isOverdue(d: DeadlineFacts, now: Date): boolean {
  return runningStatuses.includes(d.status) && d.appointmentAt !== null && d.appointmentAt.getTime() < now.getTime();
}

/** Whether a running dossier falls due within `withinMinutes` working minutes of `now` and is not yet overdue. */
export function isDueSoon(d: DeadlineFacts, now: Date, calendar: DeadlineCalendar, withinMinutes: number): boolean {
  if (!runningStatuses.includes(d.status) || d.appointmentAt === null || d.appointmentAt.getTime() < now.getTime()) return false;
  return d.appointmentAt.getTime() <= dueSoonLimit(now, calendar, withinMinutes).getTime();
}

/** The latest appointment that still counts as "due soon" at `now`. */
export function dueSoonLimit(now: Date, calendar: DeadlineCalendar, withinMinutes: number): Date {
  return calendar.addWorkingMinutes(now, withinMinutes);
}

/**
 * Remaining working minutes until the appointment; negative when overdue (working minutes since it),
 * null when there is no running clock (not received, paused for a supplement, or finished).
 */
export function remainingWorkingMinutes(d: DeadlineFacts, now: Date, calendar: DeadlineCalendar): number | null {
  if (!runningStatuses.includes(d.status) || d.appointmentAt === null) return null;
  if (d.appointmentAt.getTime() >= now.getTime()) return calendar.workingMinutesBetween(now, d.appointmentAt);
  return -calendar.workingMinutesBetween(d.appointmentAt, now);
}

/**
 * Đúng hạn — the national portal's on-time rule (DOMAIN.md §2): processing ended (done, returned,
 * stopped or refused) no later than the appointment, with supplement time already excluded from the
 * appointment, and at most one supplement request. Null while the dossier is still being handled.
 */
export function isOnTime(d: DeadlineFacts): boolean | null {
  if (d.processingEndedAt === null) return null;
  if (d.isMarkedLate || d.supplementRequestCount > 1) return false;
  if (d.appointmentAt === null) return true; // refused at reception: no clock ever ran.
  return d.processingEndedAt.getTime() <= d.appointmentAt.getTime();
}

/** Cảnh báo hạn — the deadline warning a dossier carries: due within one working day, or overdue. */
export type DeadlineAlert = 'due_soon' | 'overdue';

/**
 * The warning a dossier should carry at `now` (`dueLimit` = the end of the "due soon" window): overdue
 * when past its appointment, due soon when the appointment is within the window, none when its clock
 * is not running (not received, paused for a supplement, finished).
 */
export function deadlineAlertOf(d: DeadlineFacts, now: Date, dueLimit: Date): DeadlineAlert | null {
  if (!runningStatuses.includes(d.status) || d.appointmentAt === null) return null;
  if (d.appointmentAt.getTime() < now.getTime()) return 'overdue';
  return d.appointmentAt.getTime() <= dueLimit.getTime() ? 'due_soon' : null;
}
