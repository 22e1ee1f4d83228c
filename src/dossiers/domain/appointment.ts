/**
 * INTERIM appointment rule, until the working-day calendar (src/calendar, branch `calendar`) is on
 * main: it skips Saturdays and Sundays only. Public holidays (Tết, 30/4, 1/5, 2/9…) and official
 * make-up working Saturdays are NOT known here, so an appointment may fall on a holiday. Replace the
 * call in src/dossiers/submit.ts with the calendar's computeAppointment when it lands.
 */

/** Unit of a statutory processing time (procedures' `timeUnit`). */
export type StatutoryTimeUnit = 'hours' | 'days' | 'working_days' | 'months';

const vietnamOffsetMs = 7 * 3600_000;
/** Results are promised by the end of the office day: 17:00 Vietnam time. */
const closingHourLocal = 17;

/** A Vietnam-local calendar day as a UTC-midnight Date (only the Y-M-D fields are used). */
function localDay(at: Date): Date {
  const local = new Date(at.getTime() + vietnamOffsetMs);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

function atClosingTime(day: Date): Date {
  return new Date(day.getTime() + closingHourLocal * 3600_000 - vietnamOffsetMs);
}

/** Whether a Vietnam-local day is Saturday or Sunday. */
export function isWeekend(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Interim ngày hẹn trả kết quả from the statutory time: N working days → 17:00 on the N-th Monday–Friday
 * after the day of receipt; N days → 17:00 N calendar days later; N months → 17:00 on the same day N
 * months later (the month's last day when shorter); N hours → receipt + N hours. Fractions round up.
 */
export function computeInterimAppointment(receivedAt: Date, amount: number, unit: StatutoryTimeUnit): Date {
  if (!(amount > 0) || !Number.isFinite(amount)) throw new RangeError(`statutory time must be positive, got ${amount}`);
  if (unit === 'hours') return new Date(receivedAt.getTime() + Math.ceil(amount * 60) * 60_000);
  const whole = Math.ceil(amount);
  const day = localDay(receivedAt);
  if (unit === 'days') return atClosingTime(new Date(day.getTime() + whole * 86_400_000));
  if (unit === 'months') {
    const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + whole, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
    return atClosingTime(target);
  }
  let cursor = day;
  for (let counted = 0; counted < whole;) {
    cursor = new Date(cursor.getTime() + 86_400_000);
    if (!isWeekend(cursor)) counted++;
  }
  return atClosingTime(cursor);
}
