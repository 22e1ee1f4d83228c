import { parsePeriod, periodEnd, periodMonths, periodStart, type Period } from '../domain/index-766/period.ts';
import { AppError } from '../../platform/errors.ts';

/** A scoring period cut at today: the months it has so far and the day its figures stand at. */
export interface PeriodWindow {
  period: Period;
  text: string;
  start: string;
  end: string;
  /** The last day counted: the period's end, or today while the period runs. */
  asOf: string;
  /** First days of the months counted ("YYYY-MM-01"), none when the period has not begun. */
  months: string[];
  /** The last day of the last month counted: rollups sum whole months, so lists of dossiers do too. */
  lastDay: string;
  isComplete: boolean;
}

/** Reads "2026-10", "2026-Q3" or "2026" into a window ending at today (local date); 400 otherwise. */
export function periodWindow(text: string, today: string): PeriodWindow {
  const period = parsePeriod(text);
  if (!period) throw new AppError('VALIDATION_FAILED', { period: text, reason: 'expected YYYY-MM, YYYY-Qn or YYYY' });
  const start = periodStart(period);
  const end = periodEnd(period);
  const asOf = end < today ? end : today;
  const months =
    start > today
      ? []
      : periodMonths(period)
          .map((m) => `${m}-01`)
          .filter((m) => m <= asOf);
  return { period, text, start, end, asOf, months, lastDay: monthEnd(months.at(-1) ?? start), isComplete: end < today };
}

/** The last day of the month of an ISO date. */
function monthEnd(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return `${isoDate.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The 12 months ending with the window's last month, as a window of their own (for trends). */
export function trailingYear(window: PeriodWindow): PeriodWindow {
  const lastMonth = (window.months.at(-1) ?? `${window.start.slice(0, 7)}-01`).slice(0, 7);
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`);
  }
  return { ...window, start: months[0] as string, months: window.months.length ? months : [] };
}
