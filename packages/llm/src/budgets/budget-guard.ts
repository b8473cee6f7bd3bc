import type { KeyValueStore } from '@baseline/core';
import { LlmBudgetExceededError } from '../errors/llm-error.js';
import { femtoToMicroUsdCeil, formatMicroUsd, toFemtoUsd, type FemtoUsd } from '../money/femto-usd.js';
import type { BudgetConfig, SpendLimits } from './budget-limits.js';
import { BudgetHold, type HeldCounter } from './budget-hold.js';

/** Whose spending a counter tracks. */
export type BudgetScope = 'guild' | 'user';

/**
 * Reads what a guild or user spent since `from` from the usage rows (`llm_usage`), to rebuild a counter the
 * key-value store lost (Redis restarted or flushed).
 */
export type SpentSince = (scope: BudgetScope, id: string, from: Date) => Promise<FemtoUsd>;

const DAY_MS = 86_400_000;

interface Period {
  period: 'day' | 'month';
  key: string;
  start: Date;
  ttlMs: number;
}

function periods(now: Date): Period[] {
  const iso = now.toISOString();
  return [
    { period: 'day', key: `d:${iso.slice(0, 10)}`, start: new Date(`${iso.slice(0, 10)}T00:00:00Z`), ttlMs: 2 * DAY_MS },
    { period: 'month', key: `m:${iso.slice(0, 7)}`, start: new Date(`${iso.slice(0, 7)}-01T00:00:00Z`), ttlMs: 32 * DAY_MS },
  ];
}

/** When a period's counter starts again from zero: the next UTC midnight or the first of the next month. */
function periodEnd(mark: Period): Date {
  const end = new Date(mark.start);
  if (mark.period === 'day') end.setUTCDate(end.getUTCDate() + 1);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

/**
 * Per-guild and per-user spending limits per UTC day and month. Spend is counted in micro-dollars (rounded
 * up per request) in the key-value store under `llm:budget:<scope>:<id>:<d|m>:<period>`, so every process
 * sharing a Redis store sees the same totals.
 *
 * Each request first {@link reserve}s its estimated cost (its prompt and its maximum output, priced): the
 * counter is raised by the estimate, and the request is refused, before anything is sent, when the amount
 * committed (spent, plus the estimates of requests in flight, plus this estimate) would pass a limit. After
 * the request its {@link BudgetHold} replaces the estimate with the actual cost. So concurrent requests see
 * each other, and spend stays within the limit as far as the estimates bound the actual costs. A counter
 * missing from the store is rebuilt from the usage rows before it is used, so losing Redis never resets a
 * budget.
 */
export class BudgetGuard {
  readonly #kv: KeyValueStore;
  readonly #config: BudgetConfig;
  readonly #spentSince: SpentSince | undefined;

  /**
   * @param spentSince rebuilds a missing counter from the usage rows; without it a missing counter starts
   *   at 0 (no database: nothing to rebuild from)
   */
  constructor(kv: KeyValueStore, config: BudgetConfig, spentSince?: SpentSince) {
    this.#kv = kv;
    this.#config = config;
    this.#spentSince = spentSince;
  }

  /**
   * Holds `estimate` against the guild's and the user's counters, or throws {@link LlmBudgetExceededError}
   * (holding nothing) when it does not fit under a limit. Settle the returned hold once the request is over.
   */
  async reserve(context: { guildId?: string | null; userId?: string | null }, estimate: FemtoUsd, now = new Date()): Promise<BudgetHold> {
    const amount = femtoToMicroUsdCeil(estimate);
    const held: HeldCounter[] = [];
    try {
      for (const [scope, id] of [
        ['guild', context.guildId],
        ['user', context.userId],
      ] as const) {
        if (!id) continue;
        const limits = await this.#limits(scope, id);
        if (!limits) continue;
        for (const mark of periods(now)) {
          const key = this.#key(scope, id, mark.key);
          await this.#ensure(key, scope, id, mark);
          const after = await this.#kv.incr(key, { by: amount, ttlMs: mark.ttlMs });
          held.push({ key, ttlMs: mark.ttlMs });
          const limit = mark.period === 'day' ? limits.dailyUsd : limits.monthlyUsd;
          if (limit === undefined) continue;
          const limitMicro = femtoToMicroUsdCeil(toFemtoUsd(limit));
          if (after > limitMicro) {
            const committed = after - amount;
            const reached = committed >= limitMicro;
            throw new LlmBudgetExceededError(
              `${scope} ${id} ${reached ? 'reached' : 'would pass'} its ${mark.period === 'day' ? 'daily' : 'monthly'} LLM budget of $${limit} ` +
                `(spent or in flight $${formatMicroUsd(committed)}, this request up to $${formatMicroUsd(amount)}` +
                `${reached ? ')' : '; set a lower maxTokens to fit what is left)'}`,
              {
                details: {
                  scope,
                  id,
                  period: mark.period,
                  limitUsd: String(limit),
                  spentMicroUsd: committed,
                  estimateMicroUsd: amount,
                  resetsAt: periodEnd(mark).toISOString(),
                },
              },
            );
          }
        }
      }
    } catch (error) {
      await Promise.all(held.map((c) => this.#kv.incr(c.key, { by: -amount, ttlMs: c.ttlMs })));
      throw error;
    }
    return new BudgetHold(this.#kv, held, amount);
  }

  /** Spend so far (and estimates in flight) in micro-dollars for one guild or user (dashboards, tests). */
  async spentMicroUsd(scope: BudgetScope, id: string, period: 'day' | 'month', now = new Date()): Promise<number> {
    const mark = periods(now).find((m) => m.period === period)!;
    return Number((await this.#kv.get(this.#key(scope, id, mark.key))) ?? 0);
  }

  /** Recreates a counter the store lost, from the usage rows of its period; a no-op while it exists. */
  async #ensure(key: string, scope: BudgetScope, id: string, mark: Period): Promise<void> {
    if (!this.#spentSince || (await this.#kv.get(key)) !== undefined) return;
    const spent = femtoToMicroUsdCeil(await this.#spentSince(scope, id, mark.start));
    // Another process may have rebuilt it meanwhile: its value (and what was added since) wins.
    await this.#kv.setIfAbsent(key, String(spent), mark.ttlMs);
  }

  async #limits(scope: BudgetScope, id: string): Promise<SpendLimits | undefined> {
    const resolved = scope === 'guild' ? await this.#config.resolveGuild?.(id) : await this.#config.resolveUser?.(id);
    const limits = resolved ?? this.#config[scope];
    return limits && (limits.dailyUsd !== undefined || limits.monthlyUsd !== undefined) ? limits : undefined;
  }

  #key(scope: BudgetScope, id: string, period: string): string {
    return `llm:budget:${scope}:${id}:${period}`;
  }
}
