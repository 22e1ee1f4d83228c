import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, countedWorkingTime, type WorkingCalendar } from '../../calendar/domain/working-calendar.ts';
import { deadlineCalendarOf } from './calendar-deadlines.ts';

const calendar = deadlineCalendarOf(buildWorkingCalendar());
const vn = (local: string) => new Date(`${local}+07:00`);

/** The reference: office periods walked one by one, as the calendar lays them out (no day-at-a-time shortcut). */
function walkedWorkingTime(a: Date, b: Date, working: WorkingCalendar): number {
  let total = 0;
  for (const stretch of countedWorkingTime(a.getTime(), working)) {
    if (stretch.start >= b.getTime()) break;
    total += Math.min(stretch.end, b.getTime()) - stretch.start;
  }
  return total;
}

describe('deadlines on the working calendar', () => {
  it('counts working minutes between any two moments as walking the office periods does, whole days included (property)', () => {
    // 2026 as an administrator set it: a weekday off and a Saturday worked, beside 2025's and 2027's defaults.
    const administered = buildWorkingCalendar({
      administeredYears: new Map([
        [
          2026,
          [
            { date: '2026-06-03', kind: 'day_off', nameVi: 'Nghỉ bù', nameEn: 'Day off' },
            { date: '2026-06-13', kind: 'makeup_workday', nameVi: 'Làm bù', nameEn: 'Make-up day' },
          ],
        ],
      ]),
    });
    const base = vn('2024-12-20T00:00').getTime();
    const moment = fc.integer({ min: 0, max: 900 * 86_400_000 }).map((ms) => new Date(base + ms));
    for (const working of [buildWorkingCalendar(), administered]) {
      const deadlines = deadlineCalendarOf(working);
      fc.assert(
        fc.property(moment, moment, (a, b) => {
          const expected = Math.max(0, Math.round(walkedWorkingTime(a, b, working) / 60_000));
          expect(deadlines.workingMinutesBetween(a, b)).toBe(expected);
        }),
        { numRuns: 200 },
      );
    }
    // 2 June 08:00 → 16 June 08:00: 7.5 h on the 2nd, none on the 3rd (off), 8 h on each of 4–5, 8–12,
    // Saturday 13 (worked) and 15 June, 0.5 h on the 16th: 80 h in all.
    const administeredDeadlines = deadlineCalendarOf(administered);
    expect(administeredDeadlines.workingMinutesBetween(vn('2026-06-02T08:00'), vn('2026-06-16T08:00'))).toBe(80 * 60);
  });

  it.each([
    ['Monday 09:00 + 5 working days', '2026-03-02T09:00', 5, '2026-03-09T09:00'],
    ['Friday 16:00 + 1 working day skips the weekend', '2026-03-06T16:00', 1, '2026-03-09T16:00'],
    ['Saturday + 1 working day starts on Monday 07:30', '2026-03-07T10:00', 1, '2026-03-10T07:30'],
    ['Tết 2026 is skipped', '2026-02-13T09:00', 1, '2026-02-23T09:00'],
  ])('%s', (_name, from, days, expected) => {
    expect(calendar.computeAppointment(vn(from), { amount: days, unit: 'working_days' })).toEqual(vn(expected));
  });

  it('a one-day supplement pause moves a working-days appointment by its office hours only', () => {
    // Paused Friday 16:00 → Monday 08:30: 1 h on Friday + 1 h on Monday = 120 working minutes.
    const pause = { start: vn('2026-03-06T16:00'), end: vn('2026-03-09T08:30') };
    expect(calendar.workingMinutesBetween(pause.start, pause.end)).toBe(120);
    expect(calendar.extendByPause(vn('2026-03-10T09:00'), pause, 'working_days')).toEqual(vn('2026-03-10T11:00'));
  });

  it('a pause moves a calendar-days appointment by its whole length, onto a working day', () => {
    const pause = { start: vn('2026-03-02T09:00'), end: vn('2026-03-04T09:00') };
    // 10 March 09:00 + 2 days = 12 March 09:00 (Thursday).
    expect(calendar.extendByPause(vn('2026-03-10T09:00'), pause, 'days')).toEqual(vn('2026-03-12T09:00'));
    // Friday 09:00 + 1 day = Saturday → Monday 09:00.
    expect(calendar.extendByPause(vn('2026-03-06T09:00'), { start: pause.start, end: vn('2026-03-03T09:00') }, 'days')).toEqual(
      vn('2026-03-09T09:00'),
    );
  });

  it('adding working minutes then measuring them gives them back', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-01'), noInvalidDate: true }),
        fc.nat(5000),
        (from, minutes) => {
          const to = calendar.addWorkingMinutes(from, minutes);
          expect(calendar.workingMinutesBetween(from, to)).toBe(minutes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
