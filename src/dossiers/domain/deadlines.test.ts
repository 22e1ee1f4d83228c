import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineAlertOf, dueSoonLimit, isDueSoon, isOnTime, isOverdue, remainingWorkingMinutes, type DeadlineFacts } from './deadlines.ts';
import { buildWorkingCalendar } from '../../calendar/domain/working-calendar.ts';
import { deadlineCalendarOf } from './calendar-deadlines.ts';

const calendar = deadlineCalendarOf(buildWorkingCalendar());

// Friday 6 March 2026, 16:00 in Vietnam.
const now = new Date('2026-03-06T09:00:00Z');
const running: DeadlineFacts = {
  status: 4,
  appointmentAt: new Date('2026-03-09T02:00:00Z'), // Monday 09:00: 2.5 working hours away
  processingEndedAt: null,
  supplementRequestCount: 0,
  isMarkedLate: false,
};

describe('overdue, due soon, remaining time', () => {
  it('a running dossier 2.5 working hours from its appointment is due within 1 working day, not overdue', () => {
    expect(isOverdue(running, now)).toBe(false);
    expect(isDueSoon(running, now, calendar, calendar.minutesPerWorkingDay)).toBe(true);
    expect(isDueSoon(running, now, calendar, 60)).toBe(false);
    expect(remainingWorkingMinutes(running, now, calendar)).toBe(150);
  });

  it('past the appointment it is overdue, with negative remaining time', () => {
    const late = { ...running, appointmentAt: new Date('2026-03-06T02:00:00Z') };
    expect(isOverdue(late, now)).toBe(true);
    expect(isDueSoon(late, now, calendar, 480)).toBe(false);
    expect(remainingWorkingMinutes(late, now, calendar)).toBe(-330);
  });

  it.each([5, 1, 9, 10, 3] as const)('status %s has no running clock', (status) => {
    const d = { ...running, status, appointmentAt: new Date('2026-03-01T00:00:00Z') };
    expect(isOverdue(d, now)).toBe(false);
    expect(remainingWorkingMinutes(d, now, calendar)).toBeNull();
  });
});

describe('isOnTime (the national rule)', () => {
  const ended = { ...running, status: 9 as const, processingEndedAt: new Date('2026-03-09T01:00:00Z') };
  it.each([
    ['ended before the appointment', ended, true],
    ['ended after the appointment', { ...ended, processingEndedAt: new Date('2026-03-09T03:00:00Z') }, false],
    ['one supplement request is fine', { ...ended, supplementRequestCount: 1 }, true],
    ['two supplement requests count as late', { ...ended, supplementRequestCount: 2 }, false],
    ['an apology counts as late', { ...ended, isMarkedLate: true }, false],
    ['refused at reception, no clock', { ...ended, status: 3 as const, appointmentAt: null }, true],
    ['still open', running, null],
  ])('%s', (_name, facts, expected) => {
    expect(isOnTime(facts)).toBe(expected);
  });
});

describe('deadlineAlertOf', () => {
  const limit = dueSoonLimit(now, calendar, calendar.minutesPerWorkingDay);
  it.each<[string, Partial<DeadlineFacts>, string | null]>([
    ['2.5 working hours left', {}, 'due_soon'],
    ['past the appointment', { appointmentAt: new Date('2026-03-06T02:00:00Z') }, 'overdue'],
    ['two working days left', { appointmentAt: new Date('2026-03-10T09:00:00Z') }, null],
    ['paused for a supplement', { status: 5, appointmentAt: new Date('2026-03-06T02:00:00Z') }, null],
    ['done, awaiting return', { status: 9, appointmentAt: new Date('2026-03-06T02:00:00Z') }, null],
    ['not yet received', { status: 1, appointmentAt: null }, null],
  ])('%s → %s', (_name, change, expected) => {
    expect(deadlineAlertOf({ ...running, ...change }, now, limit)).toBe(expected);
  });

  it('agrees with isOverdue and isDueSoon for any appointment and status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        fc.integer({ min: -10 * 86_400, max: 10 * 86_400 }),
        (status, offsetSeconds) => {
          const d = {
            ...running,
            status: status as DeadlineFacts['status'],
            appointmentAt: new Date(now.getTime() + offsetSeconds * 1000),
          };
          const alert = deadlineAlertOf(d, now, limit);
          expect(alert === 'overdue').toBe(isOverdue(d, now));
          expect(alert === 'due_soon').toBe(isDueSoon(d, now, calendar, calendar.minutesPerWorkingDay));
        },
      ),
    );
  });
});
