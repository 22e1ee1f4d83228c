import { AppError } from '../../platform/errors.ts';
import { weekdayOf, type DayNumber } from './local-time.ts';

/**
 * What makes a date differ from the usual week:
 * - `holiday` — ngày nghỉ lễ, Tết (Labour Code 2019 art. 112);
 * - `day_off` — ngày nghỉ bù / nghỉ hoán đổi: a compensatory or swapped day off on a weekday;
 * - `makeup_workday` — ngày làm bù: a weekend day worked to make up for a swapped day off.
 */
export const calendarDayKinds = ['holiday', 'day_off', 'makeup_workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** One date that differs from the usual week, with its name in Vietnamese and English. */
export interface CalendarDay {
  /** ISO local date `YYYY-MM-DD`. */
  date: string;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

/**
 * Years the calendar answers for: the lunar tables reach 2199, and nothing before 1900 is needed.
 * Before 1968 Vietnam's lunar calendar followed UTC+8; the tables keep that history.
 */
export const calendarYearRange = { min: 1900, max: 2199 } as const;

/** Throws CALENDAR_YEAR_OUT_OF_RANGE unless the year is one the calendar can answer for. */
export function assertCalendarYear(year: number): void {
  if (!Number.isInteger(year) || year < calendarYearRange.min || year > calendarYearRange.max)
    throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', { year, ...calendarYearRange });
}

/** Saturday or Sunday: the weekly rest of state agencies (40-hour week, Decision 188/1999/QĐ-TTg). */
export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}
