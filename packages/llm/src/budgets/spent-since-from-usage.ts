import { sumLlmUsageCostSince, type RowExecutor } from '@baseline/core';
import { toFemtoUsd } from '../money/femto-usd.js';
import type { SpentSince } from './budget-guard.js';

/**
 * Rebuilds spend from `llm_usage` (core's usage repository): the sum of `estimated_cost_usd` of a guild's or user's
 * rows since the start of a period. Estimated costs of unpriced models are in that column too, so they count.
 *
 * @param flush writes the rows still buffered first, so the sum includes every finished request (a failed
 *   write is retried by the recorder later; the sum then misses those rows)
 */
export function spentSinceFromUsage(sql: RowExecutor, flush: () => Promise<void>): SpentSince {
  return async (scope, id, from) => {
    await flush().catch(() => undefined);
    return toFemtoUsd(await sumLlmUsageCostSince(sql, scope, id, from));
  };
}
