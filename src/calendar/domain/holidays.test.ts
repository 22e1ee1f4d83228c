import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarYearRange, isWeekend } from './calendar-day.ts';
import { defaultCalendarDays, nationalDayAdjacentDay } from './holidays.ts';
import { isoDateOf, parseIsoDate } from './local-time.ts';
import { lunarNewYearDay } from './lunar.ts';

const summary = (year: number): string[] => defaultCalendarDays(year).map((d) => `${d.date} ${d.kind}`);

describe('default holidays (Labour Code 2019 art. 112)', () => {
  it('2026: Tết from the last day of the lunar year (16/2) to mùng 5 (21/2); Giỗ Tổ on Sunday 26/4 gives Monday 27/4 off', () => {
    expect(summary(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-02-21 holiday',
      '2026-04-26 holiday',
      '2026-04-27 day_off',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
  });

  it('2027: Tết from Friday 5/2 to Wednesday 10/2; 2/9 on Thursday takes Friday 3/9', () => {
    expect(summary(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 holiday',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-01 holiday',
      '2027-05-03 day_off',
      '2027-09-02 holiday',
      '2027-09-03 holiday',
    ]);
  });

  it('2023 as reported: Giỗ Tổ (Sat 29/4) and 30/4 (Sun) give 2/5 and 3/5 off; 2/9 (Sat) gives 1/9 and 4/9', () => {
    const days = defaultCalendarDays(2023);
    const offs = days.filter((d) => d.kind === 'day_off').map((d) => `${d.date} ${d.nameVi}`);
    expect(offs).toEqual([
      '2023-01-02 Nghỉ bù Tết Dương lịch',
      '2023-05-02 Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2023-05-03 Nghỉ bù Ngày Chiến thắng (30/4)',
      '2023-09-04 Nghỉ bù Quốc khánh (2/9)',
    ]);
    expect(days.find((d) => d.date === '2023-09-01')?.nameVi).toBe('Quốc khánh (ngày liền kề)');
  });

  it.each([
    [2021, '2021-09-03'],
    [2022, '2022-09-01'],
    [2023, '2023-09-01'],
    [2024, '2024-09-03'],
    [2025, '2025-09-01'],
    [2026, '2026-09-01'],
    [2029, '2029-09-03'],
  ])('%i: the day next to 2/9 is %s', (year, expected) => {
    expect(isoDateOf(nationalDayAdjacentDay(year))).toBe(expected);
  });

  it('names every day in Vietnamese and English', () => {
    const tet = defaultCalendarDays(2026).find((d) => d.date === '2026-02-17');
    expect(tet).toEqual({ date: '2026-02-17', kind: 'holiday', nameVi: 'Tết Nguyên đán (mùng 1)', nameEn: 'Lunar New Year (day 1)' });
  });

  it('refuses years outside the range it can compute', () => {
    expect(() => defaultCalendarDays(1899)).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }));
    expect(() => defaultCalendarDays(2200)).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }));
  });

  it('property: every year has the statutory days, six days of Tết around lunar 1/1, days off on weekdays only, all in the year', () => {
    fc.assert(
      fc.property(fc.integer(calendarYearRange), (year) => {
        const days = defaultCalendarDays(year);
        const dates = days.map((d) => d.date);
        expect(new Set(dates).size).toBe(dates.length);
        expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
        for (const fixed of ['01-01', '04-30', '05-01', '09-02']) expect(dates).toContain(`${year}-${fixed}`);
        expect(dates.filter((d) => d === `${year}-09-01` || d === `${year}-09-03`)).toHaveLength(1);
        const tet = lunarNewYearDay(year);
        for (let n = -1; n <= 4; n++) expect(dates).toContain(isoDateOf(tet + n));
        for (const d of days.filter((x) => x.kind === 'day_off')) expect(isWeekend(parseIsoDate(d.date) ?? 0)).toBe(false);
        expect(days.some((d) => d.kind === 'makeup_workday')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
