import { describe, expect, it } from 'vitest';
import { checkVote } from './satisfaction.ts';

describe('satisfaction votes', () => {
  it.each([
    [10, true, ['on_time'], null],
    [9, false, ['late', 'asked_again'], null],
    [3, false, [], null],
    [4, true, [], 'DOSSIER_NOT_COMPLETED'],
    [1, false, ['late'], 'DOSSIER_NOT_COMPLETED'],
    [10, true, ['late'], 'SATISFACTION_REASON_INVALID'],
    [10, false, ['on_time'], 'SATISFACTION_REASON_INVALID'],
  ] as const)('status %i, like %s, reasons %j → %s', (status, isLike, reasons, expected) => {
    expect(checkVote(status, { isLike, reasons })).toBe(expected);
  });
});
