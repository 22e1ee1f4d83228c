import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '../../dossiers/schema.ts';
import { isDossierOpenForStore, isValidOn } from './store-access.ts';

describe('isDossierOpenForStore', () => {
  it.each<[DossierStatus, boolean]>([
    [1, true],
    [2, true],
    [3, false],
    [4, true],
    [5, true],
    [6, true],
    [7, false],
    [8, false],
    [9, false],
    [10, false],
  ])('status %i open: %s', (status, open) => {
    expect(isDossierOpenForStore(status)).toBe(open);
  });
});

describe('isValidOn', () => {
  it.each([
    ['2020-01-01', null, '2026-11-21', true],
    ['2026-11-22', null, '2026-11-21', false],
    ['2020-01-01', '2026-11-21', '2026-11-21', true],
    ['2020-01-01', '2026-11-20', '2026-11-21', false],
  ])('from %s to %s on %s: %s', (validFrom, validTo, day, valid) => {
    expect(isValidOn({ validFrom, validTo }, day)).toBe(valid);
  });

  it('a document without an end is valid on every day from its start', () => {
    const day = fc
      .date({ min: new Date('1950-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => isValidOn({ validFrom: a, validTo: null }, b) === a <= b));
  });
});
