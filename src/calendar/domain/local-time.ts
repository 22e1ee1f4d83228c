/**
 * Vietnam local time (giờ Việt Nam, UTC+7, no daylight saving since 1975) as plain numbers:
 * a moment is epoch milliseconds; a local date is a day number (days since 1970-01-01 local).
 */

/** Milliseconds in one day. */
export const dayMs = 86_400_000;

/** Vietnam's offset from UTC: +07:00 all year. */
export const vietnamUtcOffsetMs = 7 * 3_600_000;

/** A local calendar date in Vietnam, counted in days since 1970-01-01. */
export type DayNumber = number;

/** Day of the week as JavaScript counts it: 0 Sunday … 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The Vietnam local date a moment falls on. */
export function dayOfMoment(moment: number): DayNumber {
  return Math.floor((moment + vietnamUtcOffsetMs) / dayMs);
}

/** Milliseconds since local midnight of a moment. */
export function msIntoDay(moment: number): number {
  const local = moment + vietnamUtcOffsetMs;
  return local - Math.floor(local / dayMs) * dayMs;
}

/** The moment that is `offsetMs` after local midnight of a day. */
export function momentOf(day: DayNumber, offsetMs: number): number {
  return day * dayMs + offsetMs - vietnamUtcOffsetMs;
}

/** The day of the week of a local date (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): Weekday {
  return (((day % 7) + 7 + 4) % 7) as Weekday;
}

/** The local date of a year, month (1–12) and day, without checking that it exists. */
export function dayOfYmd(year: number, month: number, day: number): DayNumber {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / dayMs);
}

/** Year, month (1–12) and day of a local date. */
export function ymdOf(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The year a local date belongs to. */
export function yearOf(day: DayNumber): number {
  return ymdOf(day).year;
}

/** A local date as ISO `YYYY-MM-DD`. */
export function isoDateOf(day: DayNumber): string {
  const { year, month, day: d } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a strict ISO date `YYYY-MM-DD` that exists in the calendar; null otherwise. */
export function parseIsoDate(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const n = dayOfYmd(year, month, day);
  const back = ymdOf(n);
  return back.year === year && back.month === month && back.day === day ? n : null;
}

/**
 * The same day of the month `months` later; when that month is shorter, its last day
 * (Civil Code 2015 art. 148(1): a period in months ends on the corresponding day, else the month's last day).
 */
export function addMonthsToDay(day: DayNumber, months: number): DayNumber {
  const { year, month, day: d } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = ymdOf(dayOfYmd(targetYear, targetMonth + 1, 1) - 1).day;
  return dayOfYmd(targetYear, targetMonth, Math.min(d, lastDay));
}

const isoMoment = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an ISO 8601 date-time; without an offset it is read as Vietnam local time.
 * Answers null for anything malformed or a date/time that does not exist.
 */
export function parseMoment(text: string): number | null {
  const m = isoMoment.exec(text);
  if (!m) return null;
  const day = parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === null) return null;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offsetText = m[8];
  let offsetMs = vietnamUtcOffsetMs;
  if (offsetText === 'Z') offsetMs = 0;
  else if (offsetText) {
    const [oh, om] = [Number(offsetText.slice(1, 3)), Number(offsetText.slice(4, 6))];
    if (oh > 14 || om > 59) return null;
    offsetMs = (offsetText.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return day * dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs;
}

/** A moment as Vietnam local ISO time, e.g. `2026-02-23T09:00:00+07:00`. */
export function formatLocalMoment(moment: number): string {
  const offset = msIntoDay(moment);
  const seconds = Math.floor(offset / 1000);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  const ms = offset % 1000;
  return `${isoDateOf(dayOfMoment(moment))}T${hh}:${mm}:${ss}${ms ? `.${String(ms).padStart(3, '0')}` : ''}+07:00`;
}

/** Parses `HH:MM` (00:00–24:00) into minutes after midnight; null when malformed. */
export function parseClockTime(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** Minutes after midnight as `HH:MM`. */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
