/** How the service retries one provider/model before moving down the fallback chain. */
export interface RetryPolicy {
  /**
   * Retries after the first attempt (so `maxRetries + 1` attempts per provider/model).
   * @default 2
   */
  maxRetries: number;
  /**
   * First backoff delay in milliseconds; doubles per retry.
   * @default 500
   */
  baseDelayMs: number;
  /**
   * Longest backoff delay in milliseconds.
   * @default 8000
   */
  maxDelayMs: number;
  /**
   * Longest provider wait hint honoured; a longer `retry-after` skips to the next fallback instead.
   * @default 60000
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };

/**
 * Delay before retry number `retry` (0-based). A provider hint wins (plus up to 10% jitter so processes
 * that were limited together do not return together); otherwise exponential backoff with "equal jitter":
 * half the capped delay fixed, half random. Returns `undefined` when the hint exceeds `maxRetryAfterMs`.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, retryAfterMs: number | undefined, random: () => number = Math.random): number | undefined {
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxRetryAfterMs) return undefined;
    return Math.round(retryAfterMs * (1 + 0.1 * random()));
  }
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(capped / 2 + (capped / 2) * random());
}
