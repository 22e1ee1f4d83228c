import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidObligationAmount, maxObligationVnd, obligationsTotalVnd, totalOwedVnd } from './financial-obligation.ts';

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
