import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextAttemptAfterFailure, retryDelaySeconds, type RetryPolicy } from './retry.ts';

const policy: RetryPolicy = { maxAttempts: 5, baseDelaySeconds: 30, maxDelaySeconds: 300 };
const at = new Date('2026-11-20T03:00:00Z');

describe('retryDelaySeconds', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [5, 300],
    [40, 300],
  ])('after failure %i waits %i s', (attempts, seconds) => {
    expect(retryDelaySeconds(policy, attempts)).toBe(seconds);
  });

  it('never shrinks and never passes the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        const d = retryDelaySeconds(policy, n);
        expect(d).toBeLessThanOrEqual(policy.maxDelaySeconds);
        expect(retryDelaySeconds(policy, n + 1)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

describe('nextAttemptAfterFailure', () => {
  it('schedules a retry while tries remain', () => {
    expect(nextAttemptAfterFailure(policy, 1, at)?.toISOString()).toBe('2026-11-20T03:00:30.000Z');
    expect(nextAttemptAfterFailure(policy, 4, at)?.toISOString()).toBe('2026-11-20T03:04:00.000Z');
  });

  it('gives up after the last try', () => {
    expect(nextAttemptAfterFailure(policy, 5, at)).toBeNull();
    expect(nextAttemptAfterFailure(policy, 6, at)).toBeNull();
  });
});
