import { computeAppointment, type TimeUnit } from '../../calendar/domain/appointment.ts';
import { dayOfMoment, momentOf, type DayNumber } from '../../calendar/domain/local-time.ts';
import { isWorkingDay, workingDayLength, type WorkingCalendar } from '../../calendar/domain/working-calendar.ts';

/**
 * The working-day calendar precomputed over a range of days, for generating a million dossiers: the
 * office-hour stretches of every working day with their running total of working time, so that
 * "N working hours after t" is a binary search instead of a walk through the days. It agrees with
 * the calendar's computeAppointment (tested), which it falls back to outside the range.
 */
export interface WorkingClock {
  /** Ngày hẹn trả: the appointment for a receipt moment and a statutory time. */
  appointment(receivedAt: number, amount: number, unit: TimeUnit): number;
  /** The moment `ms` of working time after `from` (right-continuous, like the calendar). */
  addWorking(from: number, ms: number): number;
  /** Working time between two moments (0 when `to` is not after `from`). */
  workingBetween(from: number, to: number): number;
  /** The first moment at or after `moment` within office hours. */
  nextWorkingMoment(moment: number): number;
  /** Whether a local day is a working day. */
  isWorkingDay(day: DayNumber): boolean;
  readonly dayLengthMs: number;
}

/** Precomputes the clock for the days [firstDay, lastDay] (plus a margin for appointments after the range). */
export function buildWorkingClock(calendar: WorkingCalendar, firstDay: DayNumber, lastDay: DayNumber): WorkingClock {
  const margin = 400;
  const starts: number[] = [];
  const ends: number[] = [];
  const before: number[] = [];
  const working = new Map<DayNumber, boolean>();
  let total = 0;
  for (let day = firstDay; day <= lastDay + margin; day++) {
    const isWorking = isWorkingDay(day, calendar);
    working.set(day, isWorking);
    if (!isWorking) continue;
    for (const period of calendar.workingPeriods) {
      const start = momentOf(day, period.startMinute * 60_000);
      const end = momentOf(day, period.endMinute * 60_000);
      starts.push(start);
      ends.push(end);
      before.push(total);
      total += end - start;
    }
  }
  const rangeStart = momentOf(firstDay, 0);
  const rangeEnd = momentOf(lastDay + 1, 0);
  const inRange = (t: number) => t >= rangeStart && t < rangeEnd;

  /** Index of the first stretch whose end is after t. */
  const stretchAfter = (t: number): number => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  /** Working time from the range's start to t. */
  const toWorking = (t: number): number => {
    const i = stretchAfter(t);
    if (i >= starts.length) return total;
    return (before[i] as number) + Math.max(0, t - (starts[i] as number));
  };
  /** The moment at which `w` working time has passed since the range's start (right-continuous). */
  const fromWorking = (w: number): number => {
    let lo = 0;
    let hi = before.length;
    // Last stretch whose running total is ≤ w, preferring the later one when w ends a stretch exactly.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((before[mid] as number) <= w) lo = mid + 1;
      else hi = mid;
    }
    const i = Math.max(0, lo - 1);
    return (starts[i] as number) + (w - (before[i] as number));
  };
  const dayLengthMs = workingDayLength(calendar);
  const nextWorkingMoment = (t: number) => {
    const i = stretchAfter(t);
    return Math.max(t, starts[i] as number);
  };
  return {
    dayLengthMs,
    isWorkingDay: (day) => working.get(day) ?? isWorkingDay(day, calendar),
    nextWorkingMoment: (t) => (inRange(t) ? nextWorkingMoment(t) : t),
    addWorking: (from, ms) => fromWorking(toWorking(from) + ms),
    workingBetween: (from, to) => (to > from ? toWorking(to) - toWorking(from) : 0),
    appointment(receivedAt, amount, unit) {
      if (!inRange(receivedAt) || unit === 'months')
        return computeAppointment(new Date(receivedAt), amount, unit, calendar).appointmentAt.getTime();
      if (unit === 'hours' || unit === 'working_days') {
        const ms = Math.round(amount * (unit === 'hours' ? 3_600_000 : dayLengthMs));
        return fromWorking(toWorking(receivedAt) + ms);
      }
      // Calendar days from the first working moment; a non-working end day moves to the next working day.
      const start = nextWorkingMoment(receivedAt);
      const end = start + Math.round(amount * 86_400_000);
      let day = dayOfMoment(end);
      while (!(working.get(day) ?? isWorkingDay(day, calendar))) day++;
      return nextWorkingMoment(momentOf(day, end - momentOf(dayOfMoment(end), 0)));
    },
  };
}
