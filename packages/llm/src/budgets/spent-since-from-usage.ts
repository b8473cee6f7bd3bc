import type { SqlExecutor } from '../database/sql-executor.js';
import { toFemtoUsd } from '../money/femto-usd.js';
import type { SpentSince } from './budget-guard.js';

/**
 * Rebuilds spend from `llm_usage`: the sum of `estimated_cost_usd` of a guild's or user's rows since the
 * start of a period. Estimated costs of unpriced models are in that column too, so they count.
 *
 * @param flush writes the rows still buffered first, so the sum includes every finished request (a failed
 *   write is retried by the recorder later; the sum then misses those rows)
 */
export function spentSinceFromUsage(sql: SqlExecutor, flush: () => Promise<void>): SpentSince {
  return async (scope, id, from) => {
    await flush().catch(() => undefined);
    const column = scope === 'guild' ? 'guild_id' : 'user_id';
    const [row] = await sql.execute<{ spent: string }>(
      `select coalesce(sum(estimated_cost_usd), 0)::text as spent from llm_usage where ${column} = ? and created_at >= ?`,
      [id, from],
    );
    return toFemtoUsd(row?.spent ?? '0');
  };
}
