import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidObligationAmount,
  maxObligationVnd,
  obligationsTotalVnd,
  paidObligationFlags,
  totalOwedVnd,
} from './financial-obligation.ts';

describe('isValidObligationAmount', () => {
  it.each([
    [150_000, true],
    [1, true],
    [maxObligationVnd, true],
    [undefined, false],
    [0, false],
    [-150_000, false],
    [150_000.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [maxObligationVnd + 1, false],
  ])('%s → %s', (amount, expected) => {
    expect(isValidObligationAmount(amount)).toBe(expected);
  });

  it('an accepted amount always travels to the gateway (× 100) as an exact integer', () => {
    fc.assert(
      fc.property(fc.double(), (amount) => {
        if (isValidObligationAmount(amount)) expect(Number.isSafeInteger(amount * 100)).toBe(true);
      }),
    );
  });
});

describe('totalOwedVnd', () => {
  it('adds the obligations to the submission fees', () => {
    const at = '2026-03-02T03:00:00.000Z';
    const obligations = [
      { amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận', requestedAt: at },
      { amountVnd: 50_000, description: 'Phí thẩm định', requestedAt: at },
    ];
    expect(obligationsTotalVnd(obligations)).toBe(200_000);
    expect(totalOwedVnd(10_000, obligations)).toBe(210_000);
    expect(totalOwedVnd(10_000, [])).toBe(10_000);
  });
});

describe('paidObligationFlags', () => {
  const obligation = (amountVnd: number) => ({ amountVnd, description: 'Lệ phí', requestedAt: '2026-03-04T02:00:00.000Z' });
  it.each([
    ['nothing paid', 0, [150_000], 0, [false]],
    ['paid exactly', 0, [150_000], 150_000, [true]],
    ['the fees come first', 50_000, [150_000], 150_000, [false]],
    ['fees and obligation paid', 50_000, [150_000], 200_000, [true]],
    ['the first obligation first', 0, [100_000, 20_000], 100_000, [true, false]],
    ['a partial payment covers none', 0, [100_000, 20_000], 99_999, [false, false]],
    ['overpaid', 0, [100_000, 20_000], 500_000, [true, true]],
    ['no obligation', 30_000, [], 30_000, []],
  ])('%s', (_name, fees, amounts, paid, expected) => {
    expect(paidObligationFlags(fees, amounts.map(obligation), paid)).toEqual(expected);
  });

  it('every obligation is paid exactly when everything owed is paid, and paying more never unpays one', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.nat({ max: 6_000_000 }),
        fc.nat({ max: 1_000_000 }),
        (fees, amounts, paid, more) => {
          const obligations = amounts.map(obligation);
          const flags = paidObligationFlags(fees, obligations, paid);
          expect(flags.every(Boolean)).toBe(paid >= totalOwedVnd(fees, obligations));
          const after = paidObligationFlags(fees, obligations, paid + more);
          flags.forEach((isPaid, i) => isPaid && expect(after[i]).toBe(true));
        },
      ),
    );
  });
});
