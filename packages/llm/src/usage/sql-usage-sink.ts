import type { SqlExecutor } from '../database/sql-executor.js';
import type { UsageSink } from './usage-sink.js';

const COLUMNS = [
  'guild_id',
  'user_id',
  'cog_name',
  'provider',
  'model',
  'request_type',
  'status',
  'error_code',
  'prompt_tokens',
  'completion_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
  'total_tokens',
  'units',
  'estimated_cost_usd',
  'latency_ms',
  'pricing_id',
  'created_at',
  'metadata',
  'record_id',
] as const;

const ROW = `(${COLUMNS.map((column) => (column === 'metadata' ? '?::jsonb' : '?')).join(', ')})`;

/**
 * Writes usage rows to `llm_usage` with one multi-row `insert` per batch. A row whose `recordId` is stored already
 * (the same batch written again after PostgreSQL's answer was lost) is skipped, so a retry never bills twice.
 */
export function createSqlUsageSink(sql: SqlExecutor): UsageSink {
  return {
    async write(records) {
      if (records.length === 0) return;
      const params: unknown[] = [];
      for (const r of records) {
        params.push(
          r.guildId,
          r.userId,
          r.cogName,
          r.provider,
          r.model,
          r.requestType,
          r.status,
          r.errorCode,
          r.promptTokens,
          r.completionTokens,
          r.cacheReadTokens,
          r.cacheWriteTokens,
          r.reasoningTokens,
          r.totalTokens,
          r.units,
          r.costUsd,
          r.latencyMs,
          r.pricingId === null ? null : Number(r.pricingId),
          r.createdAt,
          JSON.stringify(r.metadata),
          r.recordId ?? null,
        );
      }
      await sql.execute(
        `insert into llm_usage (${COLUMNS.join(', ')}) values ${records.map(() => ROW).join(', ')} on conflict ("record_id") do nothing`,
        params,
      );
    },
  };
}
