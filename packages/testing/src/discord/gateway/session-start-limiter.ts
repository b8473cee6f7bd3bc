import type { ResolvedOptions } from '../options.js';

/** `session_start_limit` as `GET /gateway/bot` reports it. */
export interface SessionStartLimit {
  total: number;
  remaining: number;
  reset_after: number;
  max_concurrency: number;
}

/** One IDENTIFY the emulator received, with what it answered. */
export interface IdentifyRecord {
  shardId: number;
  /** `shard_id % max_concurrency`. */
  bucket: number;
  /** `Date.now()` when it arrived. */
  at: number;
  outcome: 'started' | 'exhausted' | 'throttled';
}

/**
 * Discord's IDENTIFY budget: `sessionStartLimit` identifies per reset window, and at most one IDENTIFY per
 * `shard_id % max_concurrency` bucket every `identifyIntervalMs`.
 */
export class SessionStartLimiter {
  /** Last IDENTIFY time per `shard_id % max_concurrency` bucket. */
  readonly #buckets = new Map<number, number>();
  /** Every IDENTIFY taken, oldest first, for tests that check a fleet kept to the buckets. */
  readonly #log: IdentifyRecord[] = [];
  #left: number;
  #resetAt: number;

  constructor(private readonly options: ResolvedOptions['gateway']) {
    this.#left = options.sessionStartLimit;
    this.#resetAt = Date.now() + options.sessionStartResetMs;
  }

  snapshot(): SessionStartLimit {
    this.#refresh();
    return {
      total: this.options.sessionStartLimit,
      remaining: this.#left,
      reset_after: Math.max(0, this.#resetAt - Date.now()),
      max_concurrency: this.options.maxConcurrency,
    };
  }

  /**
   * Takes one IDENTIFY for `shardId`: `exhausted` when the window's budget is spent, `throttled` when the
   * shard's bucket identified too recently (neither consumes budget), else `started`.
   */
  take(shardId: number): 'started' | 'exhausted' | 'throttled' {
    const outcome = this.#take(shardId);
    this.#log.push({ shardId, bucket: shardId % this.options.maxConcurrency, at: Date.now(), outcome });
    return outcome;
  }

  /** Every IDENTIFY received so far, oldest first. */
  identifies(): IdentifyRecord[] {
    return this.#log.map((record) => ({ ...record }));
  }

  #take(shardId: number): 'started' | 'exhausted' | 'throttled' {
    this.#refresh();
    if (this.#left <= 0) return 'exhausted';
    if (this.options.identifyIntervalMs > 0) {
      const bucket = shardId % this.options.maxConcurrency;
      const last = this.#buckets.get(bucket);
      const now = Date.now();
      if (last !== undefined && now - last < this.options.identifyIntervalMs) return 'throttled';
      this.#buckets.set(bucket, now);
    }
    this.#left--;
    return 'started';
  }

  #refresh(): void {
    if (Date.now() < this.#resetAt) return;
    this.#left = this.options.sessionStartLimit;
    this.#resetAt = Date.now() + this.options.sessionStartResetMs;
  }
}
