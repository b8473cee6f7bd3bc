import { createHash } from 'node:crypto';
import { compileRoutePattern, type RoutePattern } from './route-pattern.js';

/** Headers and verdict for one request. */
export interface RateLimitVerdict {
  headers: Record<string, string>;
  /** Set when the request must be answered with 429. */
  limited: { retryAfter: number; global: boolean; scope: 'user' | 'global' | 'shared' } | null;
}

interface Bucket {
  count: number;
  resetAt: number;
}

/** The buckets of one route (method + template), keyed by the values of its major parameters. */
interface RouteBuckets {
  /** `x-ratelimit-bucket`: a hash of method and template, as opaque as Discord's. */
  hash: string;
  byMajor: Map<string, Bucket>;
}

interface ForcedLimit {
  matches: (method: string, path: string) => boolean;
  remaining: number;
  global: boolean;
}

/** Buckets held before expired ones are swept. */
const SWEEP_FROM = 256;

/**
 * Per-route buckets (route template with its major parameter: channel, guild, webhook/interaction), real
 * 429s when a bucket is exhausted, and forced 429s for tests.
 */
export class RateLimiter {
  /**
   * Buckets by template, then method, then major parameters: nested maps, so a request looks its bucket up with
   * strings it already has instead of building (and hashing) a key string each time.
   */
  readonly #routes = new Map<string, Map<string, RouteBuckets>>();
  /** Buckets held in all routes, for the sweep threshold. */
  #size = 0;
  readonly #forced: ForcedLimit[] = [];
  readonly #limitHeader: string;
  /** When expired buckets may next be swept (see {@link take}). */
  #sweepAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly forcedRetryAfterMs: number,
  ) {
    this.#limitHeader = String(limit);
  }

  /** The next `count` requests matching `pattern` get a 429. */
  force(pattern: RoutePattern, count: number, global = false): void {
    this.#forced.push({ matches: compileRoutePattern(pattern), remaining: count, global });
  }

  /** Counts one request against its bucket. */
  take(method: string, path: string, template: string, majorKey: string): RateLimitVerdict {
    const now = Date.now();
    const route = this.#route(method, template);
    const { hash } = route;
    let bucket = route.byMajor.get(majorKey);
    if (!bucket || bucket.resetAt <= now) {
      // Interaction webhooks get a bucket per token, so buckets accumulate by the thousand: once there are more
      // than a few, expired ones are swept at most once per window, which keeps the live set near one window's
      // worth at O(1) amortised cost per request.
      if (!bucket && this.#size >= SWEEP_FROM && now >= this.#sweepAt) {
        this.#sweep(now);
        this.#sweepAt = now + this.windowMs;
      }
      if (bucket) {
        bucket.count = 0;
        bucket.resetAt = now + this.windowMs;
      } else {
        bucket = { count: 0, resetAt: now + this.windowMs };
        route.byMajor.set(majorKey, bucket);
        this.#size++;
      }
    }
    for (let index = 0; index < this.#forced.length; index++) {
      const forced = this.#forced[index]!;
      if (!forced.matches(method, path)) continue;
      if (--forced.remaining <= 0) this.#forced.splice(index, 1);
      const retryAfter = this.forcedRetryAfterMs / 1000;
      const headers = this.#headers(hash, 0, now + this.forcedRetryAfterMs, now);
      headers['retry-after'] = String(Math.max(retryAfter, 0.001));
      headers['x-ratelimit-scope'] = forced.global ? 'global' : 'user';
      if (forced.global) headers['x-ratelimit-global'] = 'true';
      return { headers, limited: { retryAfter, global: forced.global, scope: forced.global ? 'global' : 'user' } };
    }
    bucket.count++;
    const remaining = Math.max(0, this.limit - bucket.count);
    const headers = this.#headers(hash, remaining, bucket.resetAt, now);
    if (bucket.count > this.limit) {
      const retryAfter = (bucket.resetAt - now) / 1000;
      headers['retry-after'] = String(retryAfter);
      headers['x-ratelimit-scope'] = 'user';
      return { headers, limited: { retryAfter, global: false, scope: 'user' } };
    }
    return { headers, limited: null };
  }

  #route(method: string, template: string): RouteBuckets {
    let byMethod = this.#routes.get(template);
    if (!byMethod) {
      byMethod = new Map();
      this.#routes.set(template, byMethod);
    }
    let route = byMethod.get(method);
    if (!route) {
      route = { hash: createHash('sha1').update(`${method} ${template}`).digest('hex').slice(0, 32), byMajor: new Map() };
      byMethod.set(method, route);
    }
    return route;
  }

  /** Forgets expired buckets (one per interaction id accumulates otherwise). */
  #sweep(now: number): void {
    for (const byMethod of this.#routes.values()) {
      for (const { byMajor } of byMethod.values()) {
        for (const [key, bucket] of byMajor) {
          if (bucket.resetAt > now) continue;
          byMajor.delete(key);
          this.#size--;
        }
      }
    }
  }

  #headers(hash: string, remaining: number, resetAt: number, now: number): Record<string, string> {
    return {
      'x-ratelimit-limit': this.#limitHeader,
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': ((resetAt - now) / 1000).toFixed(3),
      'x-ratelimit-bucket': hash,
    };
  }
}
