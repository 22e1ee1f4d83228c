import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '../schema.ts';
import { canWithdraw, citizenTransitions, describeEvent, dossierStatusNames, nextStatus } from './lifecycle.ts';

const allStatuses: DossierStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('citizen transitions', () => {
  it.each([
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
  ] as const)('withdrawal from status %i allowed: %s', (status, allowed) => {
    expect(canWithdraw(status)).toBe(allowed);
    expect(nextStatus('withdraw', status)).toBe(allowed ? 7 : null);
  });

  it('submitting only creates a dossier (from nothing to 1)', () => {
    expect(nextStatus('submit', null)).toBe(1);
    for (const s of allStatuses) expect(nextStatus('submit', s)).toBeNull();
  });

  it('allows nothing outside the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('submit' as const, 'withdraw' as const),
        fc.constantFrom<DossierStatus | null>(null, ...allStatuses),
        (action, from) => {
          const allowed = citizenTransitions.some((t) => t.action === action && t.from.includes(from));
          expect(nextStatus(action, from) !== null).toBe(allowed);
        },
      ),
    );
  });
});

describe('describeEvent', () => {
  it('says what happened in plain words, with the reason', () => {
    expect(describeEvent('withdraw', 7, 'Nộp nhầm thủ tục')).toEqual({
      vi: 'Bạn đã rút hồ sơ. Lý do: Nộp nhầm thủ tục',
      en: 'You withdrew the dossier. Reason: Nộp nhầm thủ tục',
    });
    expect(describeEvent('submit', 1, null).vi).toBe('Hồ sơ đã được nộp trực tuyến.');
  });
  it('falls back to the status name for actions it does not know', () => {
    expect(describeEvent('something_new', 4, null)).toEqual({ vi: 'Trạng thái: Đang xử lý.', en: 'Status: Being processed.' });
  });
  it('names every national status in both languages', () => {
    for (const s of allStatuses) expect(dossierStatusNames[s].vi && dossierStatusNames[s].en).toBeTruthy();
  });
});
