/** How often and how patiently a failed message is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first one included; after the last failure the message is given up. */
  maxAttempts: number;
  /** Wait after the first failure; each further failure doubles it. */
  baseDelaySeconds: number;
  /** Longest wait between two tries. */
  maxDelaySeconds: number;
}

/** Default: 6 tries over about two hours (1, 2, 4, 8, 16 min … capped at 1 h). */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelaySeconds: 60, maxDelaySeconds: 3600 };

/** Seconds to wait after the `attempts`-th failed try (exponential backoff, capped). */
export function retryDelaySeconds(policy: RetryPolicy, attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.min(exponent, 30));
}

/** When to try again after the `attempts`-th failure at `failedAt`; null once every try is spent (give up). */
export function nextAttemptAfterFailure(policy: RetryPolicy, attempts: number, failedAt: Date): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  return new Date(failedAt.getTime() + retryDelaySeconds(policy, attempts) * 1000);
}
