import { AppError } from '../../platform/errors.ts';
import { addMonthsToDay, dayMs, dayOfMoment, isoDateOf, momentOf, msIntoDay, type DayNumber } from './local-time.ts';
import {
  countedWorkingTime,
  isWorkingDay,
  nextWorkingMoment,
  nonWorkingReason,
  normaliseIntervals,
  workingDayLength,
  type Interval,
  type NonWorkingReason,
  type PausedInterval,
  type WorkingCalendar,
} from './working-calendar.ts';

/** Units of a statutory processing time (thời hạn giải quyết): hours, days, working days, months. */
export const timeUnits = ['hours', 'days', 'working_days', 'months'] as const;
export type TimeUnit = (typeof timeUnits)[number];

/** Largest amount accepted per unit: about ten years, far beyond any statutory time. */
export const maxTimeAmount: Record<TimeUnit, number> = { hours: 20_000, days: 3_650, working_days: 2_500, months: 120 };

/** A non-working date the appointment stepped over, with the holiday's name when it has one. */
export interface SkippedDay {
  date: string;
  reason: NonWorkingReason;
  nameVi: string | null;
  nameEn: string | null;
}

/** Ngày hẹn trả kết quả — the appointment and the non-working days skipped to reach it. */
export interface Appointment {
  appointmentAt: Date;
  skippedDays: SkippedDay[];
}

/** Throws CALENDAR_AMOUNT_INVALID unless the amount is usable for the unit (months are whole). */
export function assertTimeAmount(amount: number, unit: TimeUnit): void {
  const isValid =
    Number.isFinite(amount) && amount >= 0 && amount <= maxTimeAmount[unit] && (unit !== 'months' || Number.isInteger(amount));
  if (!isValid) throw new AppError('CALENDAR_AMOUNT_INVALID', { amount, unit, max: maxTimeAmount[unit] });
}

/**
 * Ngày hẹn trả — turns a receipt moment plus a statutory time into the appointment.
 *
 * Conventions (docs/decisions/0002-working-day-calendar.md):
 * - The clock starts at receipt when that is within office hours of a working day, else at the next
 *   opening (a dossier received on Saturday starts on Monday 07:30).
 * - `hours` and `working_days` count office hours only: N working days are N × the day's office hours,
 *   so a dossier received on Monday 09:00 with 3 working days is due Thursday 09:00, and one received
 *   outside hours is due at the opening of the Nth working day after the next opening. A result that
 *   exactly exhausts a period lands at the next opening (due 13:00 rather than 11:30).
 * - `days` and `months` are calendar time from the start (a month ends on the same day of the month, or
 *   the month's last day); when the end falls on a non-working day it moves to the same time of the next
 *   working day (Civil Code 2015 art. 148(2)), and outside office hours to the next opening.
 * - Paused intervals (waiting for a supplement) do not count: office hours inside them for working
 *   units, their whole length for calendar units. An ongoing pause is passed with its end = now.
 */
export function computeAppointment(
  from: Date,
  amount: number,
  unit: TimeUnit,
  calendar: WorkingCalendar,
  pausedIntervals: readonly PausedInterval[] = [],
): Appointment {
  assertTimeAmount(amount, unit);
  const paused = normaliseIntervals(pausedIntervals);
  const receivedAt = from.getTime();
  if (unit === 'hours' || unit === 'working_days') {
    const amountMs = Math.round(amount * (unit === 'hours' ? 3_600_000 : workingDayLength(calendar)));
    const appointmentAt = addWorkingTime(receivedAt, amountMs, calendar, paused);
    return { appointmentAt: new Date(appointmentAt), skippedDays: skippedBetween([[receivedAt, appointmentAt]], calendar) };
  }
  const start = nextWorkingMoment(from, calendar).getTime();
  const plain =
    unit === 'days' ? start + Math.round(amount * dayMs) : momentOf(addMonthsToDay(dayOfMoment(start), amount), msIntoDay(start));
  // Extend by the paused time inside [start, end); pauses reached by the extension extend it again.
  let end = plain;
  for (;;) {
    const extended = plain + pausedWithin(paused, start, end);
    if (extended === end) break;
    end = extended;
  }
  let day = dayOfMoment(end);
  while (!isWorkingDay(day, calendar)) day++;
  const appointmentAt = nextWorkingMoment(new Date(momentOf(day, msIntoDay(end))), calendar).getTime();
  return {
    appointmentAt: new Date(appointmentAt),
    skippedDays: skippedBetween(
      [
        [receivedAt, start],
        [end, appointmentAt],
      ],
      calendar,
    ),
  };
}

/** The moment when `amountMs` of counted working time has passed since `from` (right-continuous). */
function addWorkingTime(from: number, amountMs: number, calendar: WorkingCalendar, paused: readonly Interval[]): number {
  let remaining = amountMs;
  for (const stretch of countedWorkingTime(from, calendar, paused)) {
    const length = stretch.end - stretch.start;
    if (remaining < length) return stretch.start + remaining;
    remaining -= length;
  }
  throw new AppError('CALENDAR_NO_WORKING_TIME');
}

/** Total length of the paused intervals inside [start, end). */
function pausedWithin(paused: readonly Interval[], start: number, end: number): number {
  return paused.reduce((sum, p) => sum + Math.max(0, Math.min(p.end, end) - Math.max(p.start, start)), 0);
}

/** The non-working dates within the given moment ranges (dates inclusive), once each, in order. */
function skippedBetween(ranges: readonly [number, number][], calendar: WorkingCalendar): SkippedDay[] {
  const days = new Set<DayNumber>();
  for (const [a, b] of ranges) for (let d = dayOfMoment(a); d <= dayOfMoment(b); d++) days.add(d);
  const skipped: SkippedDay[] = [];
  for (const day of [...days].sort((x, y) => x - y)) {
    const reason = nonWorkingReason(day, calendar);
    if (!reason) continue;
    const exception = calendar.dayOn(day);
    skipped.push({ date: isoDateOf(day), reason, nameVi: exception?.nameVi ?? null, nameEn: exception?.nameEn ?? null });
  }
  return skipped;
}
