import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { assertCalendarYear, isWeekend, type CalendarDayKind } from './domain/calendar-day.ts';
import { defaultCalendarDays } from './domain/holidays.ts';
import { parseIsoDate, yearOf, type DayNumber } from './domain/local-time.ts';
import { formatWorkingPeriods, parseWorkingPeriods } from './domain/working-calendar.ts';
import { readCalendarYear, readWorkingHours, type CalendarYearView, type WorkingHoursView } from './load-calendar.ts';
import { calendarDays, calendarSettings, calendarYears } from './schema.ts';

/** Which date of which year an edit is about; throws the calendar's date errors when they disagree. */
function dateInYear(year: number, date: string): DayNumber {
  assertCalendarYear(year);
  const day = parseIsoDate(date);
  if (day === null) throw new AppError('CALENDAR_DATE_INVALID', { date });
  if (yearOf(day) !== year) throw new AppError('CALENDAR_DATE_NOT_IN_YEAR', { date, year });
  return day;
}

/**
 * Makes a year administered on its first edit: copies the computed defaults into calendar_days so
 * that from now on the stored rows are the whole truth for that year (a default can then be removed).
 */
async function administerYear(tx: Tx, provinceCode: string, year: number, actor: Actor): Promise<void> {
  const inserted = await tx
    .insert(calendarYears)
    .values({ provinceCode, year })
    .onConflictDoNothing()
    .returning({ year: calendarYears.year });
  if (inserted.length === 0) return;
  const defaults = defaultCalendarDays(year);
  await tx.insert(calendarDays).values(defaults.map((d) => ({ provinceCode, year, ...d })));
  await recordAudit(tx, actor, {
    action: 'calendar.year.administer',
    subjectType: 'calendar_year',
    subjectId: `${provinceCode}:${year}`,
    details: { defaultsCopied: defaults.length },
  });
}

export interface SetCalendarDayInput {
  provinceCode: string;
  year: number;
  date: string;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

/**
 * Sets a holiday, a day off (weekdays only) or a make-up working day (Saturday/Sunday only) on a date,
 * replacing whatever that date had; audited in the same transaction.
 */
export async function setCalendarDay(db: Db, input: SetCalendarDayInput, actor: Actor): Promise<CalendarYearView> {
  const { provinceCode, year, date, kind } = input;
  const day = dateInYear(year, date);
  if (kind === 'makeup_workday' && !isWeekend(day)) throw new AppError('CALENDAR_MAKEUP_DAY_NOT_WEEKEND', { date });
  if (kind === 'day_off' && isWeekend(day)) throw new AppError('CALENDAR_DAY_OFF_ON_WEEKEND', { date });
  return db.transaction(async (tx) => {
    await administerYear(tx, provinceCode, year, actor);
    const where = and(eq(calendarDays.provinceCode, provinceCode), eq(calendarDays.date, date));
    const [before] = await tx.select().from(calendarDays).where(where).for('update');
    const after = { kind, nameVi: input.nameVi, nameEn: input.nameEn };
    await tx
      .insert(calendarDays)
      .values({ provinceCode, year, date, ...after })
      .onConflictDoUpdate({ target: [calendarDays.provinceCode, calendarDays.date], set: { ...after, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'calendar.day.set',
      subjectType: 'calendar_day',
      subjectId: `${provinceCode}:${date}`,
      details: { before: before ? { kind: before.kind, nameVi: before.nameVi, nameEn: before.nameEn } : null, after },
    });
    return readCalendarYear(tx, provinceCode, year);
  });
}

/** Removes a date's holiday, day off or make-up day (a default one too); audited in the same transaction. */
export async function removeCalendarDay(
  db: Db,
  input: { provinceCode: string; year: number; date: string },
  actor: Actor,
): Promise<CalendarYearView> {
  const { provinceCode, year, date } = input;
  dateInYear(year, date);
  return db.transaction(async (tx) => {
    await administerYear(tx, provinceCode, year, actor);
    const [removed] = await tx
      .delete(calendarDays)
      .where(and(eq(calendarDays.provinceCode, provinceCode), eq(calendarDays.date, date)))
      .returning();
    // Throwing rolls back the year's administration too: a failed removal changes nothing.
    if (!removed) throw new AppError('CALENDAR_DAY_NOT_FOUND', { date });
    await recordAudit(tx, actor, {
      action: 'calendar.day.remove',
      subjectType: 'calendar_day',
      subjectId: `${provinceCode}:${date}`,
      details: { before: { kind: removed.kind, nameVi: removed.nameVi, nameEn: removed.nameEn } },
    });
    return readCalendarYear(tx, provinceCode, year);
  });
}

/** Sets a province's office hours; audited in the same transaction. */
export async function updateWorkingHours(
  db: Db,
  input: { provinceCode: string; workingPeriods: { start: string; end: string }[] },
  actor: Actor,
): Promise<WorkingHoursView> {
  const { provinceCode } = input;
  const workingPeriods = formatWorkingPeriods(parseWorkingPeriods(input.workingPeriods));
  return db.transaction(async (tx) => {
    const before = await readWorkingHours(tx, provinceCode);
    await tx
      .insert(calendarSettings)
      .values({ provinceCode, workingPeriods })
      .onConflictDoUpdate({ target: calendarSettings.provinceCode, set: { workingPeriods, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'calendar.settings.update',
      subjectType: 'calendar_settings',
      subjectId: provinceCode,
      details: { before: before.workingPeriods, after: workingPeriods },
    });
    return readWorkingHours(tx, provinceCode);
  });
}
