import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import { DEFAULT_RATE_LIMITS, type RateLimitOptions, type RateLimitRule } from './rate-limit-options.js';

/** The tightest limit a request counted against: what the `RateLimit-*` headers report. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  exceeded: boolean;
}

/** The scopes in the order the request gate counts them. */
export const RATE_LIMIT_SCOPES = ['global', 'user', 'anonymous', 'guild'] as const;
export type RateLimitScope = (typeof RATE_LIMIT_SCOPES)[number];

/** The rules with defaults applied; `false` turns a scope off. */
export function resolveRateLimits(options: RateLimitOptions = {}): Record<RateLimitScope, RateLimitRule | false> {
  return { ...DEFAULT_RATE_LIMITS, ...options };
}

/** One counter after the increment: how many requests its window has seen and how long the window still runs. */
export interface CountedScope {
  scope: RateLimitScope;
  used: number;
  ttlMs: number;
}

/** The state to report: the exceeded scope that resets last, else the scope with the least left. */
export function tightestState(counted: readonly CountedScope[], rules: Record<RateLimitScope, RateLimitRule | false>): RateLimitState | undefined {
  const states = counted.map(({ scope, used, ttlMs }): RateLimitState => {
    const rule = rules[scope] as RateLimitRule;
    return { limit: rule.max, remaining: Math.max(0, rule.max - used), resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)), exceeded: used > rule.max };
  });
  if (states.length === 0) return undefined;
  const exceeded = states.filter((state) => state.exceeded);
  if (exceeded.length > 0) return exceeded.reduce((a, b) => (a.resetSeconds >= b.resetSeconds ? a : b));
  return states.reduce((a, b) => (a.remaining <= b.remaining ? a : b));
}

/** The `RateLimit-*` and `X-RateLimit-*` headers of a state. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const limit = String(state.limit);
  const remaining = String(state.remaining);
  const reset = String(state.resetSeconds);
  return {
    'ratelimit-limit': limit,
    'ratelimit-remaining': remaining,
    'ratelimit-reset': reset,
    'x-ratelimit-limit': limit,
    'x-ratelimit-remaining': remaining,
    'x-ratelimit-reset': reset,
  };
}

export function rateLimitedError(state: RateLimitState): ApiError {
  return new ApiError(API_ERROR_CODES.rateLimited, `too many requests; retry in ${state.resetSeconds} s`, {
    status: 429,
    headers: { ...rateLimitHeaders(state), 'retry-after': String(state.resetSeconds) },
  });
}
