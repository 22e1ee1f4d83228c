import { describe, expect, it } from 'vitest';
import { defaultCalendarDays } from './holidays.ts';
import { parseIsoDate } from './local-time.ts';
import {
  buildWorkingCalendar,
  isWorkingDay,
  isWorkingMoment,
  nextWorkingMoment,
  nonWorkingReason,
  parseWorkingPeriods,
  workingDayLength,
  workingTimeBetween,
} from './working-calendar.ts';

const at = (local: string): Date => new Date(`${local}+07:00`);
const day = (iso: string): number => parseIsoDate(iso) ?? Number.NaN;
const hours = (n: number): number => n * 3_600_000;
const calendar = buildWorkingCalendar();

describe('office hours and working days', () => {
  it.each([
    ['2026-03-02T07:29:59', false],
    ['2026-03-02T07:30:00', true],
    ['2026-03-02T11:29:59', true],
    ['2026-03-02T11:30:00', false],
    ['2026-03-02T12:15:00', false],
    ['2026-03-02T13:00:00', true],
    ['2026-03-02T16:59:59', true],
    ['2026-03-02T17:00:00', false],
    ['2026-03-07T09:00:00', false],
    ['2026-02-17T09:00:00', false],
  ])('%s is within office hours: %s', (local, expected) => {
    expect(isWorkingMoment(at(local), calendar)).toBe(expected);
  });

  it.each([
    ['2026-03-02T06:00:00', '2026-03-02T07:30:00'],
    ['2026-03-02T09:15:00', '2026-03-02T09:15:00'],
    ['2026-03-02T11:30:00', '2026-03-02T13:00:00'],
    ['2026-03-06T17:00:00', '2026-03-09T07:30:00'],
    ['2026-02-13T18:00:00', '2026-02-23T07:30:00'],
  ])('the next working moment from %s is %s', (from, expected) => {
    expect(nextWorkingMoment(at(from), calendar)).toEqual(at(expected));
  });

  it('measures working time between two moments, negative backwards, skipping lunch, nights, weekends and Tết', () => {
    expect(workingTimeBetween(at('2026-03-02T09:00:00'), at('2026-03-02T15:00:00'), calendar)).toBe(hours(4.5));
    expect(workingTimeBetween(at('2026-03-02T15:00:00'), at('2026-03-02T09:00:00'), calendar)).toBe(-hours(4.5));
    expect(workingTimeBetween(at('2026-03-06T16:00:00'), at('2026-03-09T08:30:00'), calendar)).toBe(hours(2));
    expect(workingTimeBetween(at('2026-02-13T16:00:00'), at('2026-02-23T08:30:00'), calendar)).toBe(hours(2));
    expect(workingDayLength(calendar)).toBe(hours(8));
  });

  it('does not count paused time', () => {
    const paused = [{ start: at('2026-03-02T10:00:00'), end: at('2026-03-03T10:00:00') }];
    expect(workingTimeBetween(at('2026-03-02T09:00:00'), at('2026-03-03T11:00:00'), calendar, paused)).toBe(hours(2));
  });

  it('gives reasons: weekend, holiday, day off; a make-up Saturday works', () => {
    const administered = buildWorkingCalendar({
      administeredYears: new Map([
        [
          2025,
          [
            ...defaultCalendarDays(2025),
            { date: '2025-05-02', kind: 'day_off' as const, nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off' },
            { date: '2025-04-26', kind: 'makeup_workday' as const, nameVi: 'Làm bù', nameEn: 'Make-up working day' },
          ],
        ],
      ]),
    });
    expect(nonWorkingReason(day('2025-04-27'), administered)).toBe('weekend');
    expect(nonWorkingReason(day('2025-04-30'), administered)).toBe('holiday');
    expect(nonWorkingReason(day('2025-05-02'), administered)).toBe('day_off');
    expect(isWorkingDay(day('2025-04-26'), administered)).toBe(true);
    expect(isWorkingDay(day('2025-04-26'), calendar)).toBe(false);
    expect(administered.isAdministered(2025)).toBe(true);
    expect(administered.isAdministered(2026)).toBe(false);
  });

  it('uses a province’s own office hours', () => {
    const custom = buildWorkingCalendar({
      workingPeriods: parseWorkingPeriods([
        { start: '07:00', end: '11:00' },
        { start: '13:30', end: '17:30' },
      ]),
    });
    expect(isWorkingMoment(at('2026-03-02T07:10:00'), custom)).toBe(true);
    expect(isWorkingMoment(at('2026-03-02T17:15:00'), custom)).toBe(true);
    expect(isWorkingMoment(at('2026-03-02T13:15:00'), custom)).toBe(false);
  });

  it.each([
    [[], 'none'],
    [[{ start: '08:00', end: '07:00' }], 'backwards'],
    [[{ start: '7:30', end: '11:30' }], 'not HH:MM'],
    [[{ start: '25:00', end: '26:00' }], 'past midnight'],
    [
      [
        { start: '07:30', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
      'overlapping',
    ],
    [
      [
        { start: '13:00', end: '17:00' },
        { start: '07:30', end: '11:30' },
      ],
      'out of order',
    ],
  ])('refuses office hours %j (%s)', (periods) => {
    expect(() => parseWorkingPeriods(periods)).toThrow(expect.objectContaining({ code: 'CALENDAR_WORKING_HOURS_INVALID' }));
  });
});
