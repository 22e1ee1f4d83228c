import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, exact, exactFromNumber, minimum, toHundredths, toScaledInteger } from './exact.ts';

describe('exactFromNumber', () => {
  it.each([
    [0.9, 9n, 10n],
    [22.83, 2283n, 100n],
    [100, 100n, 1n],
    [2.5, 25n, 10n],
    [1e-7, 1n, 10000000n],
    [1.5e21, 1500000000000000000000n, 1n],
    [-0.125, -125n, 1000n],
  ])('reads %s as the decimal it prints as', (value, n, d) => {
    expect(compare(exactFromNumber(value), exact(n, d))).toBe(0);
  });

  it('refuses non-finite numbers', () => {
    expect(() => exactFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => exactFromNumber(Infinity)).toThrow(RangeError);
  });
});

describe('toHundredths (half up to two decimals)', () => {
  it.each([
    [exact(1n, 8n), 13], // 0.125 → 0.13
    [exact(201n, 200n), 101], // 1.005 → 1.01, where Math.round(1.005 * 100) gives 100
    [exactFromNumber(1.005), 101],
    [exact(1249n, 10000n), 12], // 0.1249 → 0.12
    [exact(-1n, 8n), -13], // half away from zero
    [exact(0n), 0],
    [exact(6n), 600],
  ])('rounds %o to %i hundredths', (value, hundredths) => {
    expect(toHundredths(value)).toBe(hundredths);
  });

  it('rounds every exact tie k + ½ hundredth up', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (k) => {
        expect(toScaledInteger(exact(2n * k + 1n, 200n), 2)).toBe(k + 1n);
      }),
    );
  });

  it('lands within half a hundredth of the value', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 10_000_000 }), (n, d) => {
        expect(Math.abs(toHundredths(exact(BigInt(n), BigInt(d))) / 100 - n / d)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});

describe('minimum', () => {
  it('picks the smaller fraction', () => {
    expect(minimum(exact(2n), exact(5n, 2n))).toEqual(exact(2n));
    expect(minimum(exact(7n, 4n), exact(2n))).toEqual(exact(7n, 4n));
  });
});
