import type { DeadlineCalendar, StatutoryTime } from './deadlines.ts';

/**
 * A stand-in working calendar until the calendar module (src/calendar) is merged: Monday–Friday,
 * 07:30–11:30 and 13:00–17:00 Vietnam time (UTC+7), no public holidays. Only the workflow's
 * `DeadlineCalendar` interface is implemented, so swapping in the real calendar changes one line.
 */
const offsetMs = 7 * 3_600_000;
const dayMs = 86_400_000;
const minuteMs = 60_000;
/** Working periods as minutes after local midnight. */
const periods = [
  { start: 7 * 60 + 30, end: 11 * 60 + 30 },
  { start: 13 * 60, end: 17 * 60 },
] as const;
const minutesPerWorkingDay = periods.reduce((sum, p) => sum + p.end - p.start, 0);

function localDayStart(moment: number): number {
  return Math.floor((moment + offsetMs) / dayMs) * dayMs - offsetMs;
}

function isWorkingDay(dayStart: number): boolean {
  const weekday = new Date(dayStart + offsetMs).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working intervals [start, end) of the day beginning at `dayStart` (UTC ms). */
function intervalsOf(dayStart: number): { start: number; end: number }[] {
  if (!isWorkingDay(dayStart)) return [];
  return periods.map((p) => ({ start: dayStart + p.start * minuteMs, end: dayStart + p.end * minuteMs }));
}

function workingMinutesBetween(from: Date, to: Date): number {
  let total = 0;
  const a = from.getTime();
  const b = to.getTime();
  for (let day = localDayStart(a); day < b; day += dayMs) {
    for (const i of intervalsOf(day)) total += Math.max(0, Math.min(i.end, b) - Math.max(i.start, a));
  }
  return Math.round(total / minuteMs);
}

function addWorkingMinutes(from: Date, minutes: number): Date {
  let left = minutes * minuteMs;
  const a = from.getTime();
  for (let day = localDayStart(a); ; day += dayMs) {
    for (const i of intervalsOf(day)) {
      const start = Math.max(i.start, a);
      if (start >= i.end) continue;
      if (left <= i.end - start) return new Date(start + left);
      left -= i.end - start;
    }
  }
}

function computeAppointment(from: Date, time: StatutoryTime): Date {
  switch (time.unit) {
    case 'working_days':
      return addWorkingMinutes(from, Math.round(time.amount * minutesPerWorkingDay));
    case 'hours':
      return addWorkingMinutes(from, Math.round(time.amount * 60));
    case 'days':
      return new Date(from.getTime() + time.amount * dayMs);
    case 'months': {
      const local = new Date(from.getTime() + offsetMs);
      local.setUTCMonth(local.getUTCMonth() + time.amount);
      return new Date(local.getTime() - offsetMs);
    }
  }
}

/** Office hours Monday–Friday without holidays (interim; see the module comment). */
export const officeHoursCalendar: DeadlineCalendar = {
  computeAppointment,
  workingMinutesBetween,
  addWorkingMinutes,
  minutesPerWorkingDay,
};
