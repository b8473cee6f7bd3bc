import type { KeyValueStore } from '@baseline/core';
import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import { DEFAULT_RATE_LIMITS, type RateLimitOptions, type RateLimitRule } from './rate-limit-options.js';

/** Who a request counts against. */
export interface RateLimitSubject {
  userId?: string | undefined;
  ip?: string | undefined;
  guildId?: string | undefined;
}

/** The tightest limit a request counted against: what the `RateLimit-*` headers report. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  exceeded: boolean;
}

export interface RateLimiter {
  /** Counts one request in every scope that applies; returns the tightest state. */
  consume(subject: RateLimitSubject): Promise<RateLimitState | undefined>;
}

/**
 * Fixed-window counters (`ratelimit:<scope>:<id>:<window>` with `INCR` and an expiry), one per scope. The
 * scopes are counted concurrently, so a request costs one round trip to Redis whatever the number of scopes.
 */
export function createRateLimiter(kv: KeyValueStore, options: RateLimitOptions = {}): RateLimiter {
  const rules = { ...DEFAULT_RATE_LIMITS, ...options };

  async function count(scope: string, id: string, rule: RateLimitRule, now: number): Promise<RateLimitState> {
    const window = Math.floor(now / rule.windowMs);
    const used = await kv.incr(`ratelimit:${scope}:${id}:${window}`, { ttlMs: rule.windowMs + 1000 });
    const resetMs = (window + 1) * rule.windowMs - now;
    return { limit: rule.max, remaining: Math.max(0, rule.max - used), resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)), exceeded: used > rule.max };
  }

  return {
    async consume(subject) {
      const now = Date.now();
      const checks: Promise<RateLimitState>[] = [];
      if (rules.global) checks.push(count('global', 'all', rules.global, now));
      if (subject.userId !== undefined && rules.user) checks.push(count('user', subject.userId, rules.user, now));
      if (subject.userId === undefined && subject.ip !== undefined && rules.anonymous) checks.push(count('ip', subject.ip, rules.anonymous, now));
      if (subject.guildId !== undefined && rules.guild) checks.push(count('guild', subject.guildId, rules.guild, now));
      if (checks.length === 0) return undefined;
      const states = await Promise.all(checks);
      const exceeded = states.filter((state) => state.exceeded);
      if (exceeded.length > 0) return exceeded.reduce((a, b) => (a.resetSeconds >= b.resetSeconds ? a : b));
      return states.reduce((a, b) => (a.remaining <= b.remaining ? a : b));
    },
  };
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
  return new ApiError(429, API_ERROR_CODES.rateLimited, `too many requests; retry in ${state.resetSeconds} s`, {
    headers: { ...rateLimitHeaders(state), 'retry-after': String(state.resetSeconds) },
  });
}
