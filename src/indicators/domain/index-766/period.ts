/** A scoring period of the index: a month, a quarter or a year. */
export type Period =
  { kind: 'month'; year: number; month: number } | { kind: 'quarter'; year: number; quarter: number } | { kind: 'year'; year: number };

const periodPattern = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/;

/** Reads "2026-03", "2026-Q1" or "2026"; null for anything else. */
export function parsePeriod(text: string): Period | null {
  const match = periodPattern.exec(text);
  if (!match) return null;
  const [, year, month, quarter] = match;
  if (month) return { kind: 'month', year: Number(year), month: Number(month) };
  if (quarter) return { kind: 'quarter', year: Number(year), quarter: Number(quarter) };
  return { kind: 'year', year: Number(year) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period written as parsePeriod reads it. */
export function formatPeriod(period: Period): string {
  if (period.kind === 'month') return `${period.year}-${pad(period.month)}`;
  if (period.kind === 'quarter') return `${period.year}-Q${period.quarter}`;
  return String(period.year);
}

/** The months a period covers, as "YYYY-MM", in order. */
export function periodMonths(period: Period): string[] {
  if (period.kind === 'month') return [formatPeriod(period)];
  const first = period.kind === 'quarter' ? 3 * period.quarter - 2 : 1;
  const count = period.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => `${period.year}-${pad(first + i)}`);
}

/** The period's first day (ISO date), which chooses its formula set. */
export function periodStart(period: Period): string {
  return `${periodMonths(period)[0]}-01`;
}

/** The period's last day (ISO date). */
export function periodEnd(period: Period): string {
  const last = periodMonths(period).at(-1) as string;
  const [year, month] = last.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${last}-${pad(days)}`;
}

/** The period as a reader would say it: "Tháng 10/2026", "Quý 3/2026", "Năm 2026" (or in English). */
export function describePeriod(period: Period, language: 'vi' | 'en'): string {
  if (period.kind === 'month') return language === 'vi' ? `Tháng ${period.month}/${period.year}` : `${period.year}-${pad(period.month)}`;
  if (period.kind === 'quarter') return language === 'vi' ? `Quý ${period.quarter}/${period.year}` : `Q${period.quarter} ${period.year}`;
  return language === 'vi' ? `Năm ${period.year}` : String(period.year);
}
