import { describe, expect, it } from 'vitest';
import { isoDateOf, parseIsoDate } from './local-time.ts';
import { lunarDateOf, lunarNewYearDay, solarDayOfLunar } from './lunar.ts';

const day = (iso: string): number => parseIsoDate(iso) ?? Number.NaN;

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('puts Tết 1985 on 21 January, a month before the Chinese New Year (20 February, UTC+8)', () => {
    expect(isoDateOf(lunarNewYearDay(1985))).toBe('1985-01-21');
    // In Vietnam 1985-02-20 is the first day of the second lunar month, not New Year's day.
    expect(lunarDateOf(day('1985-02-20'))).toEqual({ year: 1985, month: 2, day: 1, isLeapMonth: false });
  });

  it.each([
    [2022, '2022-02-01', '2022-04-10'],
    [2023, '2023-01-22', '2023-04-29'],
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
  ])('%i: Tết on %s, Giỗ Tổ Hùng Vương (10/3) on %s', (year, tet, gioTo) => {
    expect(isoDateOf(lunarNewYearDay(year))).toBe(tet);
    expect(isoDateOf(solarDayOfLunar({ year, month: 3, day: 10 }))).toBe(gioTo);
  });

  it('knows that the last day of lunar 2025 is the 29th of the twelfth month (2026-02-16)', () => {
    expect(lunarDateOf(day('2026-02-16'))).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(() => solarDayOfLunar({ year: 2025, month: 12, day: 30 })).toThrow();
  });

  it('tells the leap second month of 2023 from the regular one, and refuses a leap month that did not exist', () => {
    expect(isoDateOf(solarDayOfLunar({ year: 2023, month: 2, day: 1 }))).toBe('2023-02-20');
    expect(isoDateOf(solarDayOfLunar({ year: 2023, month: 2, day: 1, isLeapMonth: true }))).toBe('2023-03-22');
    expect(lunarDateOf(day('2023-03-22'))).toEqual({ year: 2023, month: 2, day: 1, isLeapMonth: true });
    expect(() => solarDayOfLunar({ year: 2023, month: 3, day: 1, isLeapMonth: true })).toThrow(RangeError);
  });
});
