import type { KeyValueStore } from '@baseline/core';
import { femtoToMicroUsdCeil, type FemtoUsd } from '../money/femto-usd.js';

/** One counter a hold raised. */
export interface HeldCounter {
  key: string;
  ttlMs: number;
}

/**
 * An estimate held against budget counters while a request runs (see `BudgetGuard.reserve`). Settling
 * replaces the estimate with the actual cost in one increment per counter; only the first settle counts,
 * so `release()` in a `finally` after a settled request does nothing.
 */
export class BudgetHold {
  readonly #kv: KeyValueStore | undefined;
  readonly #counters: readonly HeldCounter[];
  readonly #heldMicro: number;
  #settled = false;

  constructor(kv: KeyValueStore | undefined, counters: readonly HeldCounter[], heldMicro: number) {
    this.#kv = kv;
    this.#counters = counters;
    this.#heldMicro = heldMicro;
  }

  /** A hold on nothing: no budget applies to the request. */
  static none(): BudgetHold {
    return new BudgetHold(undefined, [], 0);
  }

  /** True when a limit applies to the request, so its cost must never be left at zero. */
  get applies(): boolean {
    return this.#counters.length > 0;
  }

  /** Replaces the estimate with `cost` (rounded up to whole micro-dollars). */
  async settle(cost: FemtoUsd): Promise<void> {
    if (this.#settled) return;
    this.#settled = true;
    const kv = this.#kv;
    const delta = femtoToMicroUsdCeil(cost) - this.#heldMicro;
    if (delta === 0 || !kv) return;
    await Promise.all(
      this.#counters.map(async (c) => {
        const after = await kv.incr(c.key, { by: delta, ttlMs: c.ttlMs });
        // While this hold sits in the counter it is at least the estimate, so ending at exactly `delta` means the
        // store lost the counter meanwhile (Redis flushed or restarted) and the increment recreated it from 0,
        // without the day's spend. Deleting it makes the next reservation rebuild it from llm_usage.
        if (this.#heldMicro > 0 && after === delta) await kv.del(c.key);
      }),
    );
  }

  /** Gives the estimate back when the request ended without a cost (every attempt failed). */
  release(): Promise<void> {
    return this.settle(0n);
  }
}
