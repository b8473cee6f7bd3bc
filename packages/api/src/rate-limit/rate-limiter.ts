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
 * Fixed-window counters, one per scope (`ratelimit:<scope>:<id>`): the first request of a window creates the
 * counter with an expiry of one window, later ones only increment it. The scopes are counted concurrently, so a
 * request costs one round trip to Redis whatever the number of scopes.
 */
export function createRateLimiter(kv: KeyValueStore, options: RateLimitOptions = {}): RateLimiter {
  const rules = { ...DEFAULT_RATE_LIMITS, ...options };

  async function count(scope: string, id: string, rule: RateLimitRule): Promise<RateLimitState> {
    const key = `ratelimit:${scope}:${id}`;
    // Sent together on one connection, so the TTL read sees the expiry the increment set: one round trip.
    const [used, ttl] = await Promise.all([kv.incr(key, { ttlMs: rule.windowMs }), kv.ttl(key)]);
    const resetMs = typeof ttl === 'number' ? ttl : rule.windowMs;
    return { limit: rule.max, remaining: Math.max(0, rule.max - used), resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)), exceeded: used > rule.max };
  }

  return {
    async consume(subject) {
      const checks: Promise<RateLimitState>[] = [];
      if (rules.global) checks.push(count('global', 'all', rules.global));
      if (subject.userId !== undefined && rules.user) checks.push(count('user', subject.userId, rules.user));
      if (subject.userId === undefined && subject.ip !== undefined && rules.anonymous) checks.push(count('ip', subject.ip, rules.anonymous));
      if (subject.guildId !== undefined && rules.guild) checks.push(count('guild', subject.guildId, rules.guild));
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
