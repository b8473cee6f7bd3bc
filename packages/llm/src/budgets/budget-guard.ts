import type { KeyValueStore } from '@baseline/core';
import { LlmBudgetExceededError } from '../errors/llm-error.js';
import { femtoToMicroUsdCeil, formatUsd, toFemtoUsd, type FemtoUsd } from '../money/femto-usd.js';
import type { BudgetConfig, SpendLimits } from './budget-limits.js';

type Scope = 'guild' | 'user';
const DAY_MS = 86_400_000;

function periods(now: Date): Array<{ period: 'day' | 'month'; key: string; ttlMs: number }> {
  const iso = now.toISOString();
  return [
    { period: 'day', key: `d:${iso.slice(0, 10)}`, ttlMs: 2 * DAY_MS },
    { period: 'month', key: `m:${iso.slice(0, 7)}`, ttlMs: 32 * DAY_MS },
  ];
}

/**
 * Per-guild and per-user spending limits per UTC day and month. Spend is counted in micro-dollars (rounded
 * up per request) in the key-value store under `llm:budget:<scope>:<id>:<d|m>:<period>`, so every process
 * sharing a Redis store sees the same totals. The check runs before a request; requests already in flight
 * when the limit is crossed still complete and are counted.
 */
export class BudgetGuard {
  readonly #kv: KeyValueStore;
  readonly #config: BudgetConfig;

  constructor(kv: KeyValueStore, config: BudgetConfig) {
    this.#kv = kv;
    this.#config = config;
  }

  /** Throws {@link LlmBudgetExceededError} when the guild's or the user's spend has reached a limit. */
  async check(context: { guildId?: string | null; userId?: string | null }, now = new Date()): Promise<void> {
    for (const [scope, id] of [['guild', context.guildId], ['user', context.userId]] as const) {
      if (!id) continue;
      const limits = await this.#limits(scope, id);
      if (!limits) continue;
      const marks = periods(now);
      const spent = await this.#kv.mget(marks.map((m) => this.#key(scope, id, m.key)));
      marks.forEach((mark, index) => {
        const limit = mark.period === 'day' ? limits.dailyUsd : limits.monthlyUsd;
        if (limit === undefined) return;
        const limitMicro = femtoToMicroUsdCeil(toFemtoUsd(limit));
        const spentMicro = Number(spent[index] ?? 0);
        if (spentMicro >= limitMicro) {
          throw new LlmBudgetExceededError(
            `${scope} ${id} reached its ${mark.period === 'day' ? 'daily' : 'monthly'} LLM budget of $${limit} ` +
              `(spent $${formatUsd(BigInt(spentMicro) * 1_000_000_000n, 6)})`,
            { scope, id, period: mark.period, limitUsd: String(limit), spentMicroUsd: spentMicro },
          );
        }
      });
    }
  }

  /** Adds a request's cost to the guild's and user's counters. */
  async charge(context: { guildId?: string | null; userId?: string | null }, cost: FemtoUsd, now = new Date()): Promise<void> {
    const micro = femtoToMicroUsdCeil(cost);
    if (micro <= 0) return;
    const writes: Promise<number>[] = [];
    for (const [scope, id] of [['guild', context.guildId], ['user', context.userId]] as const) {
      if (!id || !(await this.#limits(scope, id))) continue;
      for (const mark of periods(now)) writes.push(this.#kv.incr(this.#key(scope, id, mark.key), { by: micro, ttlMs: mark.ttlMs }));
    }
    await Promise.all(writes);
  }

  /** Spend so far in micro-dollars for one guild or user (for dashboards and tests). */
  async spentMicroUsd(scope: Scope, id: string, period: 'day' | 'month', now = new Date()): Promise<number> {
    const mark = periods(now).find((m) => m.period === period)!;
    return Number((await this.#kv.get(this.#key(scope, id, mark.key))) ?? 0);
  }

  async #limits(scope: Scope, id: string): Promise<SpendLimits | undefined> {
    const resolved = scope === 'guild' ? await this.#config.resolveGuild?.(id) : await this.#config.resolveUser?.(id);
    const limits = resolved ?? this.#config[scope];
    return limits && (limits.dailyUsd !== undefined || limits.monthlyUsd !== undefined) ? limits : undefined;
  }

  #key(scope: Scope, id: string, period: string): string {
    return `llm:budget:${scope}:${id}:${period}`;
  }
}
