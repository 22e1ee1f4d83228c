import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAppointment } from '../../calendar/domain/appointment.ts';
import { dayOfYmd } from '../../calendar/domain/local-time.ts';
import { buildWorkingCalendar, workingTimeBetween } from '../../calendar/domain/working-calendar.ts';
import { buildWorkingClock } from './working-clock.ts';

const calendar = buildWorkingCalendar();
const first = dayOfYmd(2024, 1, 1);
const last = dayOfYmd(2026, 12, 31);
const clock = buildWorkingClock(calendar, first, last);
const moment = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) });

describe('the generator’s precomputed working clock', () => {
  it('gives the calendar’s own appointment for working days, hours and calendar days (Tết included)', () => {
    fc.assert(
      fc.property(
        moment,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('working_days' as const, 'hours' as const, 'days' as const),
        (t, amount, unit) => {
          const expected = computeAppointment(new Date(t), amount, unit, calendar).appointmentAt.getTime();
          expect(clock.appointment(t, amount, unit)).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('measures working time between two moments as the calendar does', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 30 * 86_400_000 }), (t, span) => {
        expect(clock.workingBetween(t, t + span)).toBe(workingTimeBetween(new Date(t), new Date(t + span), calendar));
      }),
      { numRuns: 300 },
    );
  });

  it('skips Tết: 3 working days from Friday 13 February 2026 lands after the holiday', () => {
    const friday = Date.parse('2026-02-13T09:00:00+07:00');
    const due = new Date(clock.appointment(friday, 3, 'working_days'));
    expect(due.getTime()).toBe(computeAppointment(new Date(friday), 3, 'working_days', calendar).appointmentAt.getTime());
    expect(due.getTime()).toBeGreaterThan(Date.parse('2026-02-22T00:00:00+07:00'));
  });
});
