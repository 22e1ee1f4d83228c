import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '../../dossiers/schema.ts';
import { computeFeeObligation } from './fee-obligation.ts';
import { isPayableStatus, orderInfoFor, outstandingVnd, paymentLinesFor, statusAfterPayment } from './payment-rules.ts';

const statuses: DossierStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const filedAt = new Date('2026-03-02T03:00:00Z');

describe('payment rules', () => {
  it.each([
    [1, true, 1],
    [2, true, 2],
    [3, false, 3],
    [4, true, 4],
    [5, true, 5],
    [6, true, 4],
    [7, false, 7],
    [8, false, 8],
    [9, true, 9],
    [10, false, 10],
  ] as const)('status %d: payable %s, after payment %d', (status, payable, after) => {
    expect(isPayableStatus(status)).toBe(payable);
    expect(statusAfterPayment(status)).toBe(after);
  });

  it('payment changes only the financial-obligation status, and never to a status outside the national list', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), (s) => {
        const after = statusAfterPayment(s);
        expect(statuses).toContain(after);
        if (s !== 6) expect(after).toBe(s);
      }),
    );
  });

  it('outstanding = obligation − paid, never negative', () => {
    expect(outstandingVnd(20_000, [])).toBe(20_000);
    expect(outstandingVnd(20_000, [5000, 5000])).toBe(10_000);
    expect(outstandingVnd(20_000, [20_000, 20_000])).toBe(0);
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.array(fc.nat(1_000_000), { maxLength: 5 }), (total, paid) => {
        const rest = outstandingVnd(total, paid);
        expect(rest).toBeGreaterThanOrEqual(0);
        expect(rest).toBeLessThanOrEqual(total);
      }),
    );
  });

  it('a payment carries the obligation’s lines when they add up, else one line for the recorded amount', () => {
    const fees = [
      { name: 'Phí cấp bản sao', amountVnd: 8000, perUnit: { field: 'copies' } },
      { name: 'Lệ phí miễn', amountVnd: 0 },
    ];
    const obligation = computeFeeObligation({ fees }, { copies: 2 }, { filedAt });
    expect(paymentLinesFor(obligation, 16_000)).toEqual([{ name: 'Phí cấp bản sao', quantity: 2, amountVnd: 16_000 }]);
    expect(paymentLinesFor(obligation, 30_000)).toEqual([
      { name: 'Phí, lệ phí theo nghĩa vụ tài chính của hồ sơ', quantity: 1, amountVnd: 30_000 },
    ]);
    const assessed = computeFeeObligation({ fees: [{ name: 'Lệ phí xây dựng', rule: 'HĐND' }] }, {}, { filedAt });
    expect(paymentLinesFor(assessed, 75_000)).toEqual([
      { name: 'Phí, lệ phí theo nghĩa vụ tài chính của hồ sơ', quantity: 1, amountVnd: 75_000 },
    ]);
  });

  it('an obligation an officer determined is its own line, with or without the fees still owed', () => {
    const obligation = computeFeeObligation({ fees: [{ name: 'Phí cấp bản sao', amountVnd: 8_000 }] }, {}, { filedAt });
    const determined = [{ amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận' }];
    expect(paymentLinesFor(obligation, 158_000, determined)).toEqual([
      { name: 'Phí cấp bản sao', quantity: 1, amountVnd: 8_000 },
      { name: 'Lệ phí cấp giấy chứng nhận', quantity: 1, amountVnd: 150_000 },
    ]);
    expect(paymentLinesFor(obligation, 150_000, determined)).toEqual([
      { name: 'Lệ phí cấp giấy chứng nhận', quantity: 1, amountVnd: 150_000 },
    ]);
  });

  it('order info is plain ASCII without special characters', () => {
    expect(orderInfoFor('79.260302.ABC-DEF')).toBe('Thanh toan le phi ho so 79.260302.ABC-DEF');
    expect(orderInfoFor('79&x=<1>')).toBe('Thanh toan le phi ho so 79x1');
  });
});
