import type { LlmProvider } from '../types/provider-name.js';

/**
 * Remembers, per provider and model, the time before which a provider asked not to be called again (its
 * `retry-after` / `retry-after-ms` header or Gemini `RetryInfo.retryDelay`). Without it a hint would only pace
 * the request that received it, and the next request would be sent at once into the same limit. Held in
 * process memory: a hint is the answer to this process's key, and another process learns it on its own first
 * refusal. Hand-written: a map of deadlines, no library needed.
 */
export class ProviderHolds {
  readonly #until = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Holds `provider`/`model` for `waitMs` from now; a later deadline already held is kept. */
  hold(provider: LlmProvider, model: string, waitMs: number): void {
    if (!(waitMs > 0)) return;
    const key = `${provider}/${model}`;
    const until = this.#now() + waitMs;
    if ((this.#until.get(key) ?? 0) < until) this.#until.set(key, until);
  }

  /** Milliseconds left before `provider`/`model` may be called again; 0 when it is not held. */
  remainingMs(provider: LlmProvider, model: string): number {
    const key = `${provider}/${model}`;
    const until = this.#until.get(key);
    if (until === undefined) return 0;
    const left = until - this.#now();
    if (left > 0) return left;
    this.#until.delete(key);
    return 0;
  }
}
