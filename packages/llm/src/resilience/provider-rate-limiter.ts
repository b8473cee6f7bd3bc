import type { KeyValueStore } from '@baseline/core';
import { LlmRateLimitedError } from '../errors/llm-error.js';
import type { LlmProvider } from '../types/provider-name.js';

/** Per-provider limits, shared by every process using the same key-value store. */
export interface RateLimits {
  /** Requests per minute; omit for no limit. */
  requestsPerMinute?: number;
  /** Tokens (prompt + completion) per minute; omit for no limit. */
  tokensPerMinute?: number;
}

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows counted in the key-value store (`llm:rl:<provider>:<req|tok>:<window>`), so
 * limits hold across processes when the store is Redis. A request takes a slot before it is sent; its
 * tokens are added when its usage is known. When the window is full, the caller waits for the next one if
 * that fits in `maxWaitMs`, else gets {@link LlmRateLimitedError} at once.
 */
export class ProviderRateLimiter {
  readonly #kv: KeyValueStore;
  readonly #limits: Partial<Record<LlmProvider, RateLimits>>;

  constructor(kv: KeyValueStore, limits: Partial<Record<LlmProvider, RateLimits>>) {
    this.#kv = kv;
    this.#limits = limits;
  }

  /** Takes one request slot for `provider`, waiting at most `maxWaitMs` for a window with room. */
  async acquire(provider: LlmProvider, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    const limits = this.#limits[provider];
    if (!limits?.requestsPerMinute && !limits?.tokensPerMinute) return;
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const now = Date.now();
      const window = Math.floor(now / WINDOW_MS);
      const waitMs = (window + 1) * WINDOW_MS - now;
      if (await this.#hasRoom(provider, limits, window)) return;
      if (now + waitMs > deadline || signal?.aborted) {
        throw new LlmRateLimitedError(`${provider}: local rate limit reached (${describe(limits)})`, { details: { provider, retryAfterMs: waitMs } });
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs + Math.floor(Math.random() * 50)));
    }
  }

  async #hasRoom(provider: LlmProvider, limits: RateLimits, window: number): Promise<boolean> {
    if (limits.tokensPerMinute) {
      const used = Number((await this.#kv.get(`llm:rl:${provider}:tok:${window}`)) ?? 0);
      if (used >= limits.tokensPerMinute) return false;
    }
    if (limits.requestsPerMinute) {
      const count = await this.#kv.incr(`llm:rl:${provider}:req:${window}`, { ttlMs: WINDOW_MS * 2 });
      if (count > limits.requestsPerMinute) return false;
    }
    return true;
  }

  /** Adds the tokens a finished request used to the current window. */
  async addTokens(provider: LlmProvider, tokens: number): Promise<void> {
    if (!this.#limits[provider]?.tokensPerMinute || tokens <= 0) return;
    const window = Math.floor(Date.now() / WINDOW_MS);
    await this.#kv.incr(`llm:rl:${provider}:tok:${window}`, { by: tokens, ttlMs: WINDOW_MS * 2 });
  }
}

function describe(limits: RateLimits): string {
  return [limits.requestsPerMinute ? `${limits.requestsPerMinute} requests/min` : '', limits.tokensPerMinute ? `${limits.tokensPerMinute} tokens/min` : '']
    .filter(Boolean)
    .join(', ');
}
