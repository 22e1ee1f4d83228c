import { asc, eq } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db/client.ts';
import { assertCalendarYear, type CalendarDay } from './domain/calendar-day.ts';
import { dayOfYmd, parseIsoDate, weekdayOf } from './domain/local-time.ts';
import {
  buildWorkingCalendar,
  defaultWorkingPeriods,
  formatWorkingPeriods,
  isWorkingDay,
  parseWorkingPeriods,
  workingDayLength,
  type WorkingCalendar,
} from './domain/working-calendar.ts';
import { calendarDays, calendarSettings, calendarYears } from './schema.ts';

/**
 * A province's working calendar as stored: its office hours and every administered year's days. Outside
 * a transaction the three reads go out at once (every inbox request waits for this before its counts);
 * a transaction's single connection takes them one after the other.
 */
export async function loadWorkingCalendar(q: Queryable, provinceCode: string): Promise<WorkingCalendar> {
  const readSettings = () => q.select().from(calendarSettings).where(eq(calendarSettings.provinceCode, provinceCode));
  const readYears = () => q.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.provinceCode, provinceCode));
  // Days exist only under an administered year: reading them unconditionally gives the same calendar.
  const readDays = () => q.select().from(calendarDays).where(eq(calendarDays.provinceCode, provinceCode)).orderBy(asc(calendarDays.date));
  const [[settings], years, rows] =
    q instanceof PgTransaction
      ? [await readSettings(), await readYears(), await readDays()]
      : await Promise.all([readSettings(), readYears(), readDays()]);
  const administeredYears = new Map<number, CalendarDay[]>(years.map((y) => [y.year, []]));
  for (const row of rows) {
    administeredYears.get(row.year)?.push({ date: row.date, kind: row.kind, nameVi: row.nameVi, nameEn: row.nameEn });
  }
  return buildWorkingCalendar({
    workingPeriods: settings ? parseWorkingPeriods(settings.workingPeriods) : defaultWorkingPeriods,
    administeredYears,
  });
}

/** A year of the calendar as the API presents it. */
export interface CalendarYearView {
  provinceCode: string;
  year: number;
  /** `default` until an administrator edits the year; then `administered`. */
  source: 'default' | 'administered';
  workingDayCount: number;
  days: (CalendarDay & { weekday: number })[];
}

/** The holidays, days off and make-up working days of one year, with the number of working days. */
export function presentCalendarYear(calendar: WorkingCalendar, provinceCode: string, year: number): CalendarYearView {
  assertCalendarYear(year);
  const first = dayOfYmd(year, 1, 1);
  const last = dayOfYmd(year + 1, 1, 1);
  let workingDayCount = 0;
  for (let day = first; day < last; day++) if (isWorkingDay(day, calendar)) workingDayCount++;
  return {
    provinceCode,
    year,
    source: calendar.isAdministered(year) ? 'administered' : 'default',
    workingDayCount,
    days: calendar.daysOfYear(year).map((d) => ({ ...d, weekday: weekdayOf(parseIsoDate(d.date) ?? first) })),
  };
}

/** Reads one year of a province's calendar. */
export async function readCalendarYear(q: Queryable, provinceCode: string, year: number): Promise<CalendarYearView> {
  assertCalendarYear(year);
  return presentCalendarYear(await loadWorkingCalendar(q, provinceCode), provinceCode, year);
}

/** A province's office hours as the API presents them. */
export interface WorkingHoursView {
  provinceCode: string;
  source: 'default' | 'administered';
  workingPeriods: { start: string; end: string }[];
  /** Saturday and Sunday (0 = Sunday … 6 = Saturday). */
  weekendDays: number[];
  workingDayMinutes: number;
  utcOffset: '+07:00';
}

/** Reads a province's office hours (the defaults when none are stored). */
export async function readWorkingHours(q: Queryable, provinceCode: string): Promise<WorkingHoursView> {
  const [row] = await q.select().from(calendarSettings).where(eq(calendarSettings.provinceCode, provinceCode));
  const periods = row ? parseWorkingPeriods(row.workingPeriods) : defaultWorkingPeriods;
  return {
    provinceCode,
    source: row ? 'administered' : 'default',
    workingPeriods: formatWorkingPeriods(periods),
    weekendDays: [6, 0],
    workingDayMinutes: workingDayLength(buildWorkingCalendar({ workingPeriods: periods })) / 60_000,
    utcOffset: '+07:00',
  };
}
