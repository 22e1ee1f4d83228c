import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAppointment, type TimeUnit } from './appointment.ts';
import { defaultCalendarDays } from './holidays.ts';
import { dayOfMoment, formatLocalMoment } from './local-time.ts';
import { buildWorkingCalendar, isWorkingMoment, workingDayLength, workingTimeBetween, type PausedInterval } from './working-calendar.ts';
import type { CalendarDay } from './calendar-day.ts';

const at = (local: string): Date => new Date(`${local}+07:00`);
const local = (d: Date): string => formatLocalMoment(d.getTime()).slice(0, 19);
const calendar = buildWorkingCalendar();

/** 2025 swaps as reported in the press: Tết (Mon 27/1 off, Sat 8/2 worked), 30/4 (Fri 2/5 off, Sat 26/4 worked). */
const announced2025: CalendarDay[] = [
  ...defaultCalendarDays(2025),
  { date: '2025-01-27', kind: 'day_off', nameVi: 'Nghỉ hoán đổi Tết', nameEn: 'Swapped day off (Tết)' },
  { date: '2025-02-08', kind: 'makeup_workday', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
  { date: '2025-05-02', kind: 'day_off', nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off' },
  { date: '2025-04-26', kind: 'makeup_workday', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
];
const calendar2025 = buildWorkingCalendar({ administeredYears: new Map([[2025, announced2025]]) });

describe('computeAppointment', () => {
  it.each<[string, string, number, TimeUnit, string]>([
    // Tết 2026 (17/2): Mon 16/2 … Sat 21/2 are holidays, work resumes Mon 23/2.
    ['Tết 2026, received on Friday before', '2026-02-13T09:00:00', 3, 'working_days', '2026-02-25T09:00:00'],
    ['Tết 2026, received on the Saturday', '2026-02-14T10:00:00', 1, 'working_days', '2026-02-24T07:30:00'],
    ['Tết 2026, hours across', '2026-02-13T16:00:00', 4, 'hours', '2026-02-23T10:30:00'],
    ['Tết 2026, 5 calendar days land on mùng 1', '2026-02-12T10:00:00', 5, 'days', '2026-02-23T10:00:00'],
    // Tết 2027 (Sat 6/2): Fri 5/2 … Wed 10/2 off.
    ['Tết 2027, received Thursday 4/2', '2027-02-04T14:00:00', 2, 'working_days', '2027-02-12T14:00:00'],
    ['Tết 2027, received during Tết', '2027-02-08T09:00:00', 1, 'working_days', '2027-02-12T07:30:00'],
    // 30/4–1/5: 2026 Thu–Fri; 2027 Fri–Sat with Monday 3/5 off in compensation.
    ['30/4 2026', '2026-04-29T10:00:00', 1, 'working_days', '2026-05-04T10:00:00'],
    ['30/4 2027', '2027-04-29T10:00:00', 1, 'working_days', '2027-05-04T10:00:00'],
    // 2/9: 2026 Wed with Tue 1/9; 2027 Thu with Fri 3/9.
    ['2/9 2026', '2026-08-31T09:00:00', 1, 'working_days', '2026-09-03T09:00:00'],
    ['2/9 2027', '2027-09-01T15:00:00', 1, 'working_days', '2027-09-06T15:00:00'],
    // Plain weeks.
    ['same time 3 working days later', '2026-03-02T09:00:00', 3, 'working_days', '2026-03-05T09:00:00'],
    ['after hours starts at the next opening', '2026-03-02T18:00:00', 1, 'working_days', '2026-03-04T07:30:00'],
    ['half a working day', '2026-03-02T09:00:00', 0.5, 'working_days', '2026-03-02T14:30:00'],
    ['8 hours exactly is the next opening', '2026-03-02T07:30:00', 8, 'hours', '2026-03-03T07:30:00'],
    ['4 hours from opening is after lunch', '2026-03-02T07:30:00', 4, 'hours', '2026-03-02T13:00:00'],
    ['zero is the receipt itself', '2026-03-02T09:00:00', 0, 'working_days', '2026-03-02T09:00:00'],
    ['calendar days ending on Saturday move to Monday', '2026-03-05T10:00:00', 2, 'days', '2026-03-09T10:00:00'],
    ['a month from 30/1 ends on 28/2, a Saturday, so Monday', '2026-01-30T09:00:00', 1, 'months', '2026-03-02T09:00:00'],
    ['received on Saturday 31/1, the month runs from Monday 2/2', '2026-01-31T09:00:00', 1, 'months', '2026-03-02T07:30:00'],
    ['a month', '2026-03-16T09:00:00', 1, 'months', '2026-04-16T09:00:00'],
  ])('%s: %s + %d %s → %s', (_name, from, amount, unit, expected) => {
    expect(local(computeAppointment(at(from), amount, unit, calendar).appointmentAt)).toBe(expected);
  });

  it('lists the non-working days skipped, with their names', () => {
    const { skippedDays } = computeAppointment(at('2026-02-13T09:00:00'), 3, 'working_days', calendar);
    expect(skippedDays.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2026-02-14 weekend',
      '2026-02-15 weekend',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-02-21 holiday',
      '2026-02-22 weekend',
    ]);
    expect(skippedDays[3]).toEqual({
      date: '2026-02-17',
      reason: 'holiday',
      nameVi: 'Tết Nguyên đán (mùng 1)',
      nameEn: 'Lunar New Year (day 1)',
    });
  });

  it('for calendar days lists only the days that moved the appointment', () => {
    const { skippedDays } = computeAppointment(at('2026-03-05T10:00:00'), 2, 'days', calendar);
    expect(skippedDays.map((d) => d.date)).toEqual(['2026-03-07', '2026-03-08']);
  });

  it.each<[string, string, number, string, string]>([
    ['make-up Saturday 26/4 counts', '2025-04-25T10:00:00', 1, '2025-04-26T10:00:00', '2025-04-28T10:00:00'],
    ['swapped Friday 2/5 does not', '2025-04-29T10:00:00', 1, '2025-05-05T10:00:00', '2025-05-02T10:00:00'],
    ['Tết 2025 swap: Monday 27/1 off', '2025-01-24T10:00:00', 1, '2025-02-03T10:00:00', '2025-01-27T10:00:00'],
    ['Tết 2025 make-up Saturday 8/2 counts', '2025-02-07T10:00:00', 1, '2025-02-08T10:00:00', '2025-02-10T10:00:00'],
  ])('2025 swaps — %s: %s + %d working days → %s (defaults: %s)', (_name, from, amount, announced, defaults) => {
    expect(local(computeAppointment(at(from), amount, 'working_days', calendar2025).appointmentAt)).toBe(announced);
    expect(local(computeAppointment(at(from), amount, 'working_days', calendar).appointmentAt)).toBe(defaults);
  });

  it('excludes time paused for a supplement', () => {
    // Received Monday 09:00, 3 working days; paused from Tuesday 09:00 to Thursday 09:00 (2 working days).
    const paused = [{ start: at('2026-03-03T09:00:00'), end: at('2026-03-05T09:00:00') }];
    expect(local(computeAppointment(at('2026-03-02T09:00:00'), 3, 'working_days', calendar, paused).appointmentAt)).toBe(
      '2026-03-09T09:00:00',
    );
    // Calendar days: 10 days from Monday 2/3 09:00 is Thursday 12/3; a 3-day pause makes it Sunday 15/3 → Monday 16/3.
    const pausedDays = [{ start: at('2026-03-04T09:00:00'), end: at('2026-03-07T09:00:00') }];
    expect(local(computeAppointment(at('2026-03-02T09:00:00'), 10, 'days', calendar, pausedDays).appointmentAt)).toBe(
      '2026-03-16T09:00:00',
    );
  });

  it.each<[number, TimeUnit]>([
    [-1, 'working_days'],
    [Number.NaN, 'hours'],
    [1.5, 'months'],
    [121, 'months'],
    [1e9, 'days'],
  ])('refuses %d %s with CALENDAR_AMOUNT_INVALID', (amount, unit) => {
    expect(() => computeAppointment(at('2026-03-02T09:00:00'), amount, unit, calendar)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_AMOUNT_INVALID' }),
    );
  });

  it('refuses to count past the last year it knows', () => {
    expect(() => computeAppointment(at('2199-12-30T09:00:00'), 10, 'working_days', calendar)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }),
    );
  });
});

// Properties over 2024–2028 with the defaults and with the 2025 swaps (make-up Saturdays, swapped days).
const moment = fc
  .integer({ min: Date.parse('2024-01-01T00:00:00+07:00'), max: Date.parse('2028-12-31T00:00:00+07:00') })
  .map((t) => new Date(t));
const anyCalendar = fc.constantFrom(calendar, calendar2025);
const unit = fc.constantFrom<TimeUnit>('hours', 'days', 'working_days', 'months');
const pauses = fc.array(
  fc.tuple(moment, fc.integer({ min: 0, max: 20 * 86_400_000 })).map(([start, length]): PausedInterval => ({
    start,
    end: new Date(start.getTime() + length),
  })),
  { maxLength: 3 },
);

describe('computeAppointment properties', () => {
  it('an appointment never falls on a non-working day or outside office hours', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 60 }), unit, anyCalendar, pauses, (from, amount, u, cal, paused) => {
        const amountForUnit = u === 'months' ? amount % 13 : amount;
        const { appointmentAt } = computeAppointment(from, amountForUnit, u, cal, paused);
        expect(isWorkingMoment(appointmentAt, cal)).toBe(true);
        expect(appointmentAt.getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
      { numRuns: 400 },
    );
  });

  it('adding N then M working days (or hours) equals adding N + M', () => {
    fc.assert(
      fc.property(
        moment,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom<TimeUnit>('working_days', 'hours'),
        anyCalendar,
        (from, n, m, u, cal) => {
          const first = computeAppointment(from, n, u, cal).appointmentAt;
          const both = computeAppointment(first, m, u, cal).appointmentAt;
          expect(both).toEqual(computeAppointment(from, n + m, u, cal).appointmentAt);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the working time from receipt to appointment is exactly the statutory time, pauses excluded', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 30 }), anyCalendar, pauses, (from, n, cal, paused) => {
        const { appointmentAt } = computeAppointment(from, n, 'working_days', cal, paused);
        expect(workingTimeBetween(from, appointmentAt, cal, paused)).toBe(n * workingDayLength(cal));
      }),
      { numRuns: 300 },
    );
  });

  // Calendar units keep the time of day when the end moves off a day off (Civil Code art. 148), so an
  // end on Sunday 08:00 lands before one on Saturday 16:00 on Monday: for them the promise is the day.
  it('a longer time or a pause never brings the appointment earlier (the day, for calendar units)', () => {
    const comparable = (u: TimeUnit, at: Date) => (u === 'days' || u === 'months' ? dayOfMoment(at.getTime()) : at.getTime());
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 40 }), unit, anyCalendar, pauses, (from, n, u, cal, paused) => {
        const amount = u === 'months' ? n % 12 : n;
        const base = comparable(u, computeAppointment(from, amount, u, cal).appointmentAt);
        expect(comparable(u, computeAppointment(from, amount + 1, u, cal).appointmentAt)).toBeGreaterThanOrEqual(base);
        expect(comparable(u, computeAppointment(from, amount, u, cal, paused).appointmentAt)).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 300 },
    );
  });
});
