/**
 * Âm lịch Việt Nam — the Vietnamese lunar calendar, through `@nghiavuive/lunar_date_vi` (ISC): year
 * tables after Hồ Ngọc Đức's computation for Vietnam (new moons and solar terms at UTC+7), 1200–2199.
 * The Chinese calendar (UTC+8) differs on some dates: Tết 1985 was 1985-01-21 in Vietnam and
 * 1985-02-20 in China. Only this file knows the library.
 */
import { LunarDate, SolarDate } from '@nghiavuive/lunar_date_vi';
import { ymdOf, type DayNumber } from './local-time.ts';

/** A date of the Vietnamese lunar calendar; `isLeapMonth` marks the repeated (nhuận) month. */
export interface VietnameseLunarDate {
  year: number;
  month: number;
  day: number;
  isLeapMonth: boolean;
}

// Julian day number of 1970-01-01, to turn the library's JDN into our day numbers.
const julianDayOfEpoch = 2_440_588;

/** The solar date of a lunar date (the regular month unless `isLeapMonth`); throws when it does not exist. */
export function solarDayOfLunar(date: { year: number; month: number; day: number; isLeapMonth?: boolean }): DayNumber {
  const lunar = new LunarDate({ year: date.year, month: date.month, day: date.day, leap_month: date.isLeapMonth ?? false });
  // force_change: take the month the tables find; without it the library echoes the requested leap flag.
  lunar.init(true);
  const { julian, leap_month: isLeap } = lunar.get();
  if ((date.isLeapMonth ?? false) !== isLeap) throw new RangeError(`Lunar ${date.year} has no leap month ${date.month}`);
  return julian - julianDayOfEpoch;
}

/** The lunar date of a solar (local) date. */
export function lunarDateOf(day: DayNumber): VietnameseLunarDate {
  const { year, month, day: d } = ymdOf(day);
  const lunar = new SolarDate({ year, month, day: d }).toLunarDate().get();
  return { year: lunar.year, month: lunar.month, day: lunar.day, isLeapMonth: lunar.leap_month };
}

/** Mùng 1 Tết — the first day of lunar year `year` (Vietnamese calendar). */
export function lunarNewYearDay(year: number): DayNumber {
  return solarDayOfLunar({ year, month: 1, day: 1 });
}
