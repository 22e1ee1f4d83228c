import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInterimAppointment, isWeekend } from './appointment.ts';

/** "YYYY-MM-DD HH:mm" in Vietnam time. */
function local(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
const vn = (text: string) => new Date(`${text}:00+07:00`);

describe('computeInterimAppointment (weekends only, until the calendar module lands)', () => {
  it.each([
    ['Friday 10:00 + 1 working day', '2026-11-20T10:00', 1, 'working_days', '2026-11-23 17:00'],
    ['Monday 09:00 + 3 working days', '2026-11-16T09:00', 3, 'working_days', '2026-11-19 17:00'],
    ['Thursday + 3 working days spans a weekend', '2026-11-19T09:00', 3, 'working_days', '2026-11-24 17:00'],
    ['Saturday + 1 working day', '2026-11-21T09:00', 1, 'working_days', '2026-11-23 17:00'],
    ['Monday 23:30 local is still Monday', '2026-11-16T23:30', 1, 'working_days', '2026-11-17 17:00'],
    ['15 working days', '2026-11-02T08:00', 15, 'working_days', '2026-11-23 17:00'],
    ['half a working day rounds up', '2026-11-16T08:00', 0.5, 'working_days', '2026-11-17 17:00'],
    ['5 calendar days', '2026-11-20T10:00', 5, 'days', '2026-11-25 17:00'],
    ['8 hours', '2026-11-20T10:00', 8, 'hours', '2026-11-20 18:00'],
    ['1 month from 31 January', '2026-01-31T10:00', 1, 'months', '2026-02-28 17:00'],
    ['2 months', '2026-11-20T10:00', 2, 'months', '2027-01-20 17:00'],
  ] as const)('%s', (_name, receivedAt, amount, unit, expected) => {
    expect(local(computeInterimAppointment(vn(receivedAt), amount, unit))).toBe(expected);
  });

  it('refuses a non-positive time', () => {
    expect(() => computeInterimAppointment(new Date(), 0, 'days')).toThrow(RangeError);
  });

  it('never falls on a weekend for working days, and lies after receipt by at least N weekdays', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        (receivedAt, n) => {
          const at = computeInterimAppointment(receivedAt, n, 'working_days');
          const day = new Date(`${local(at).slice(0, 10)}T00:00:00Z`);
          expect(isWeekend(day)).toBe(false);
          expect(at.getTime()).toBeGreaterThan(receivedAt.getTime());
          expect(at.getTime() - receivedAt.getTime()).toBeLessThanOrEqual((Math.ceil(n / 5) * 7 + 3) * 86_400_000);
        },
      ),
    );
  });

  it('is monotonic: more time never gives an earlier appointment', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (at, n) => {
          for (const unit of ['working_days', 'days', 'hours', 'months'] as const) {
            expect(computeInterimAppointment(at, n + 1, unit).getTime()).toBeGreaterThanOrEqual(
              computeInterimAppointment(at, n, unit).getTime(),
            );
          }
        },
      ),
    );
  });
});
