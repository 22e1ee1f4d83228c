import { AppError } from '../../platform/errors.ts';
import { assertCalendarYear, isWeekend, type CalendarDay } from './calendar-day.ts';
import { defaultCalendarDays } from './holidays.ts';
import {
  dayOfMoment,
  formatClockTime,
  isoDateOf,
  momentOf,
  msIntoDay,
  parseClockTime,
  parseIsoDate,
  yearOf,
  type DayNumber,
} from './local-time.ts';

/** One stretch of office hours of a working day, in minutes after local midnight. */
export interface WorkingPeriod {
  startMinute: number;
  endMinute: number;
}

/** Giờ hành chính — default office hours: 07:30–11:30 and 13:00–17:00 (8 hours). */
export const defaultWorkingPeriods: readonly WorkingPeriod[] = [
  { startMinute: 7 * 60 + 30, endMinute: 11 * 60 + 30 },
  { startMinute: 13 * 60, endMinute: 17 * 60 },
];

/** Most office-hour periods one day may have. */
const maxWorkingPeriods = 4;

/**
 * Turns `HH:MM` periods into working periods: 1–4 periods, each starting before it ends, in order and
 * not overlapping. Throws CALENDAR_WORKING_HOURS_INVALID otherwise.
 */
export function parseWorkingPeriods(periods: readonly { start: string; end: string }[]): WorkingPeriod[] {
  const invalid = (reason: string): AppError => new AppError('CALENDAR_WORKING_HOURS_INVALID', { reason, periods });
  if (periods.length < 1 || periods.length > maxWorkingPeriods) throw invalid(`between 1 and ${maxWorkingPeriods} periods`);
  const parsed = periods.map((p) => {
    const startMinute = parseClockTime(p.start);
    const endMinute = parseClockTime(p.end);
    if (startMinute === null || endMinute === null) throw invalid('times are HH:MM between 00:00 and 24:00');
    if (startMinute >= endMinute) throw invalid('each period starts before it ends');
    return { startMinute, endMinute };
  });
  parsed.forEach((p, i) => {
    const previous = parsed[i - 1];
    if (previous && p.startMinute < previous.endMinute) throw invalid('periods are in order and do not overlap');
  });
  return parsed;
}

/** Working periods as `HH:MM` text. */
export function formatWorkingPeriods(periods: readonly WorkingPeriod[]): { start: string; end: string }[] {
  return periods.map((p) => ({ start: formatClockTime(p.startMinute), end: formatClockTime(p.endMinute) }));
}

/**
 * Lịch làm việc — a province's working calendar: office hours, Saturday/Sunday rest, and the days
 * that differ (holidays, days off, make-up working days). Years an administrator has edited use their
 * stored days; every other year uses the computed defaults.
 */
export interface WorkingCalendar {
  readonly workingPeriods: readonly WorkingPeriod[];
  /** Whether an administrator has set this year's days (else they are the defaults). */
  isAdministered(year: number): boolean;
  /** The exception days of a year, in date order. */
  daysOfYear(year: number): readonly CalendarDay[];
  /** The exception on a date, if any. */
  dayOn(day: DayNumber): CalendarDay | undefined;
}

/** Builds a working calendar from office hours and the administered years' days (pure; defaults are memoised). */
export function buildWorkingCalendar(
  input: { workingPeriods?: readonly WorkingPeriod[]; administeredYears?: ReadonlyMap<number, readonly CalendarDay[]> } = {},
): WorkingCalendar {
  const workingPeriods = input.workingPeriods ?? defaultWorkingPeriods;
  const administered = input.administeredYears ?? new Map<number, readonly CalendarDay[]>();
  const years = new Map<number, { list: readonly CalendarDay[]; byDay: Map<DayNumber, CalendarDay> }>();
  const yearData = (year: number): { list: readonly CalendarDay[]; byDay: Map<DayNumber, CalendarDay> } => {
    let data = years.get(year);
    if (!data) {
      assertCalendarYear(year);
      const list = [...(administered.get(year) ?? defaultCalendarDays(year))].sort((a, b) => a.date.localeCompare(b.date));
      data = { list, byDay: new Map(list.map((d) => [parseIsoDate(d.date) ?? Number.NaN, d])) };
      years.set(year, data);
    }
    return data;
  };
  return {
    workingPeriods,
    isAdministered: (year) => administered.has(year),
    daysOfYear: (year) => yearData(year).list,
    dayOn: (day) => yearData(yearOf(day)).byDay.get(day),
  };
}

/** Why a date is not a working day. */
export type NonWorkingReason = 'weekend' | 'holiday' | 'day_off';

/** Why a date is not a working day, or null when it is one (a make-up day overrides the weekend). */
export function nonWorkingReason(day: DayNumber, calendar: WorkingCalendar): NonWorkingReason | null {
  const exception = calendar.dayOn(day);
  if (exception?.kind === 'makeup_workday') return null;
  if (exception) return exception.kind;
  return isWeekend(day) ? 'weekend' : null;
}

/** Whether the offices work on a local date. */
export function isWorkingDay(day: DayNumber, calendar: WorkingCalendar): boolean {
  return nonWorkingReason(day, calendar) === null;
}

/** Whether a moment lies within office hours of a working day (a period's end is outside it). */
export function isWorkingMoment(moment: Date, calendar: WorkingCalendar): boolean {
  const t = moment.getTime();
  if (!isWorkingDay(dayOfMoment(t), calendar)) return false;
  const minute = msIntoDay(t) / 60_000;
  return calendar.workingPeriods.some((p) => minute >= p.startMinute && minute < p.endMinute);
}

/** Length of one working day's office hours in milliseconds (8 hours by default). */
export function workingDayLength(calendar: WorkingCalendar): number {
  return calendar.workingPeriods.reduce((sum, p) => sum + (p.endMinute - p.startMinute) * 60_000, 0);
}

/** A half-open stretch of time [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Thời gian tạm dừng — a stretch during which the clock stops (waiting for the applicant's supplement). */
export interface PausedInterval {
  start: Date;
  end: Date;
}

/** Paused intervals as sorted, merged, non-empty millisecond intervals. */
export function normaliseIntervals(intervals: readonly PausedInterval[]): Interval[] {
  const sorted = intervals
    .map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** More consecutive non-working days than this means the calendar has no working time left. */
const maxIdleDays = 3_660;

/**
 * The stretches of counted working time from `from` onwards, in order: office hours of working days
 * minus the paused intervals (which must be normalised).
 */
export function* countedWorkingTime(from: number, calendar: WorkingCalendar, paused: readonly Interval[] = []): Generator<Interval> {
  if (workingDayLength(calendar) <= 0) throw new AppError('CALENDAR_NO_WORKING_TIME');
  let pauseIndex = 0;
  let idleDays = 0;
  for (let day = dayOfMoment(from); ; day++) {
    if (!isWorkingDay(day, calendar)) {
      if (++idleDays > maxIdleDays) throw new AppError('CALENDAR_NO_WORKING_TIME', { after: isoDateOf(day - idleDays) });
      continue;
    }
    idleDays = 0;
    for (const period of calendar.workingPeriods) {
      let start = Math.max(from, momentOf(day, period.startMinute * 60_000));
      const end = momentOf(day, period.endMinute * 60_000);
      while (start < end) {
        while ((paused[pauseIndex]?.end ?? Number.POSITIVE_INFINITY) <= start) pauseIndex++;
        const pause = paused[pauseIndex];
        if (!pause || pause.start >= end) {
          yield { start, end };
          break;
        }
        if (pause.start > start) yield { start, end: pause.start };
        start = pause.end;
      }
    }
  }
}

/** The first moment at or after `moment` that lies within office hours of a working day. */
export function nextWorkingMoment(moment: Date, calendar: WorkingCalendar): Date {
  for (const stretch of countedWorkingTime(moment.getTime(), calendar)) return new Date(stretch.start);
  throw new AppError('CALENDAR_NO_WORKING_TIME');
}

/**
 * Working time (ms of office hours on working days, minus paused intervals) from `a` to `b`;
 * negative when `b` is before `a`. The inbox uses it for remaining time, overdue and "due within
 * one working day" (remaining ≤ workingDayLength).
 */
export function workingTimeBetween(a: Date, b: Date, calendar: WorkingCalendar, paused: readonly PausedInterval[] = []): number {
  const [from, to, sign] = a <= b ? [a.getTime(), b.getTime(), 1] : [b.getTime(), a.getTime(), -1];
  const intervals = normaliseIntervals(paused);
  // Without pauses, the whole days in between count a day at a time (every working day has the same
  // office hours): an inbox page of dossiers overdue for a year walked ~500 periods each (≈ 0.5 ms).
  const firstDay = dayOfMoment(from) + 1;
  const lastDay = dayOfMoment(to);
  if (intervals.length > 0 || lastDay - firstDay < 2) return sign * walkedWorkingTime(from, to, calendar, intervals);
  const dayLength = workingDayLength(calendar);
  let total = walkedWorkingTime(from, momentOf(firstDay, 0), calendar, []);
  for (let day = firstDay; day < lastDay; day++) if (isWorkingDay(day, calendar)) total += dayLength;
  return sign * (total + walkedWorkingTime(momentOf(lastDay, 0), to, calendar, []));
}

/** Working time from `from` to `to` (from ≤ to), stretch by stretch. */
function walkedWorkingTime(from: number, to: number, calendar: WorkingCalendar, paused: readonly Interval[]): number {
  let total = 0;
  for (const stretch of countedWorkingTime(from, calendar, paused)) {
    if (stretch.start >= to) break;
    total += Math.min(stretch.end, to) - stretch.start;
  }
  return total;
}
