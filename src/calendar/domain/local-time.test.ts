import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToDay,
  dayOfMoment,
  formatClockTime,
  formatLocalMoment,
  isoDateOf,
  msIntoDay,
  parseClockTime,
  parseIsoDate,
  parseMoment,
  weekdayOf,
} from './local-time.ts';

const day = (iso: string): number => {
  const d = parseIsoDate(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
};

describe('Vietnam local time', () => {
  it.each([
    ['2026-02-13T09:00:00+07:00', '2026-02-13T02:00:00.000Z'],
    ['2026-02-13T09:00', '2026-02-13T02:00:00.000Z'],
    ['2026-02-13T02:00:00Z', '2026-02-13T02:00:00.000Z'],
    ['2026-02-12T20:30:00-05:30', '2026-02-13T02:00:00.000Z'],
    ['2026-02-13T09:00:00.25+07:00', '2026-02-13T02:00:00.250Z'],
  ])('parses %s as %s', (text, utc) => {
    expect(new Date(parseMoment(text) ?? Number.NaN).toISOString()).toBe(utc);
  });

  it.each(['2026-02-30T09:00:00+07:00', '2026-02-13T24:00:00Z', '2026-02-13 09:00', '13/02/2026', '2026-02-13T09:60', '', 'now'])(
    'refuses %j',
    (text) => {
      expect(parseMoment(text)).toBeNull();
    },
  );

  it('puts 23:30 UTC on the next local day', () => {
    const t = Date.parse('2026-02-16T23:30:00Z');
    expect(isoDateOf(dayOfMoment(t))).toBe('2026-02-17');
    expect(msIntoDay(t)).toBe((6 * 60 + 30) * 60_000);
    expect(formatLocalMoment(t)).toBe('2026-02-17T06:30:00+07:00');
  });

  it.each([
    ['2026-02-17', 2],
    ['2027-02-06', 6],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2025-09-01', 1],
  ])('%s is weekday %i', (iso, weekday) => {
    expect(weekdayOf(day(iso))).toBe(weekday);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '2026-00-10', 'x'])('rejects the date %j', (iso) => {
    expect(parseIsoDate(iso)).toBeNull();
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-31', 0, '2026-05-31'],
  ])('%s plus %i months is %s (Civil Code art. 148)', (from, months, to) => {
    expect(isoDateOf(addMonthsToDay(day(from), months))).toBe(to);
  });

  it('reads and writes clock times', () => {
    expect(parseClockTime('07:30')).toBe(450);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('24:01')).toBeNull();
    expect(parseClockTime('7:30')).toBeNull();
    expect(formatClockTime(780)).toBe('13:00');
  });

  it('property: formatting a moment and parsing it back gives the same moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1900-01-01T00:00:00Z'), max: Date.parse('2199-12-31T00:00:00Z') }), (t) => {
        expect(parseMoment(formatLocalMoment(t))).toBe(t);
      }),
    );
  });

  it('property: a date written as ISO reads back as the same day', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1900-01-01'), max: day('2199-12-31') }), (d) => {
        expect(parseIsoDate(isoDateOf(d))).toBe(d);
      }),
    );
  });
});
