import type { LlmRequestType } from '../entities/llm-usage.entity.js';
import type { RowExecutor } from '../row-executor.js';

/**
 * One call's token totals, as stored in its `llm_usage` row, the same for every provider:
 * - `promptTokens`: all input, cache reads and writes included;
 * - `completionTokens`: all output, reasoning included;
 * - `totalTokens` = prompt + completion.
 */
export interface TokenTotals {
  promptTokens: number;
  completionTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  totalTokens: number;
}

/** One `llm_usage` row to insert: every attempt of every LLM request produces one. Snowflakes are strings. */
export interface LlmUsageInsert extends TokenTotals {
  /**
   * Idempotency key of the row (`record_id`): a batch written again after PostgreSQL's answer was lost is stored once.
   * Rows without one are always inserted.
   */
  recordId?: string;
  guildId: string | null;
  userId: string | null;
  cogName: string | null;
  provider: string;
  model: string;
  requestType: LlmRequestType;
  status: 'ok' | 'error';
  /** `BL_ERR_LLM_*` code of a failed attempt. */
  errorCode: string | null;
  /** Non-token quantity billed (images, seconds, characters), as a decimal string. */
  units: string | null;
  /** USD with 10 decimals, e.g. `"0.0145000000"`. */
  costUsd: string;
  latencyMs: number;
  pricingId: string | null;
  createdAt: Date;
  metadata: Record<string, unknown>;
}

const INSERT_COLUMNS = [
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

const INSERT_ROW = `(${INSERT_COLUMNS.map((column) => (column === 'metadata' ? '?::jsonb' : '?')).join(', ')})`;

/**
 * Writes usage rows with one multi-row `insert`. A row whose `recordId` is stored already (the same batch written
 * again after PostgreSQL's answer was lost) is skipped, so a retry never bills twice.
 *
 * @returns how many rows were inserted (skipped ones not counted)
 */
export async function insertLlmUsage(sql: RowExecutor, rows: readonly LlmUsageInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const params: unknown[] = [];
  for (const row of rows) {
    params.push(
      row.guildId,
      row.userId,
      row.cogName,
      row.provider,
      row.model,
      row.requestType,
      row.status,
      row.errorCode,
      row.promptTokens,
      row.completionTokens,
      row.cacheReadTokens,
      row.cacheWriteTokens,
      row.reasoningTokens,
      row.totalTokens,
      row.units,
      row.costUsd,
      row.latencyMs,
      row.pricingId === null ? null : Number(row.pricingId),
      row.createdAt,
      JSON.stringify(row.metadata),
      row.recordId ?? null,
    );
  }
  const inserted = await sql.execute(
    `insert into llm_usage (${INSERT_COLUMNS.join(', ')}) values ${rows.map(() => INSERT_ROW).join(', ')}
     on conflict ("record_id") do nothing returning 1`,
    params,
  );
  return inserted.length;
}

/**
 * What a guild or a user spent since `from`: the sum of `estimated_cost_usd` of their rows, as an exact decimal
 * string. Estimated costs of unpriced models are in that column too, so they count.
 */
export async function sumLlmUsageCostSince(sql: RowExecutor, scope: 'guild' | 'user', id: string, from: Date): Promise<string> {
  const column = scope === 'guild' ? 'guild_id' : 'user_id';
  const [row] = await sql.execute<{ spent: string }>(
    `select coalesce(sum(estimated_cost_usd), 0)::text as spent from llm_usage where ${column} = ? and created_at >= ?`,
    [id, from],
  );
  return row?.spent ?? '0';
}

/** `date_trunc` over a `timestamp without time zone` taken in UTC: read it back as UTC, whatever the process's zone. */
export function utcIso(value: Date | string): string {
  if (value instanceof Date) return new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString();
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}

/** Length of a time bucket of usage sums (UTC; weeks start on Monday). */
export type UsageGranularity = 'day' | 'week' | 'month';

/** A dimension usage can be grouped by. */
export type UsageDimension = 'guild' | 'user' | 'cog' | 'provider' | 'model' | 'requestType' | 'status';

/** Filters and grouping for {@link queryUsage}. */
export interface UsageQuery {
  /** Dimensions to group by, in output order. @default [] (one total) */
  groupBy?: readonly UsageDimension[];
  /** Time bucket; omit for no time grouping. */
  period?: UsageGranularity;
  /** Inclusive start. */
  from?: Date;
  /** Exclusive end. */
  to?: Date;
  guildId?: string;
  userId?: string;
  cogName?: string;
  provider?: string;
  model?: string;
}

/** One group of {@link queryUsage}: the LLM service's answer. Counts are numbers; money is a decimal string. */
export interface UsageAggregate extends TokenTotals {
  /** Start of the time bucket (ISO 8601) when `period` is set. */
  period?: string;
  guildId?: string | null;
  userId?: string | null;
  cogName?: string | null;
  provider?: string;
  model?: string;
  requestType?: string;
  status?: string;
  requests: number;
  errors: number;
  /** Sum of `estimated_cost_usd`, exact. */
  costUsd: string;
  /**
   * Rows of models without a price (`metadata.unpriced`): their cost is 0, or the conservative estimate
   * charged against a budget (`metadata.costEstimated`), never the real price.
   */
  unpricedRequests: number;
}

const COLUMN: Record<UsageDimension, string> = {
  guild: 'guild_id::text',
  user: 'user_id::text',
  cog: 'cog_name',
  provider: 'provider',
  model: 'model',
  requestType: 'request_type',
  status: 'status',
};

const FIELD: Record<UsageDimension, keyof UsageAggregate> = {
  guild: 'guildId',
  user: 'userId',
  cog: 'cogName',
  provider: 'provider',
  model: 'model',
  requestType: 'requestType',
  status: 'status',
};

const TOKEN_FIELDS = ['promptTokens', 'completionTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens', 'totalTokens'] as const;

/**
 * Sums `llm_usage` per group (guild, user, cog, provider, model, …) and per day, week or month: what the LLM
 * service's `usage()` answers. Ordered by period, then by cost descending.
 *
 * @example
 * ```ts
 * await queryUsage(sql, { groupBy: ['provider', 'model'], period: 'day', guildId, from: monthStart });
 * ```
 */
export async function queryUsage(sql: RowExecutor, query: UsageQuery = {}): Promise<UsageAggregate[]> {
  const groupBy = query.groupBy ?? [];
  const select: string[] = [];
  const group: string[] = [];
  if (query.period) {
    select.push(`date_trunc('${query.period}', created_at at time zone 'UTC') as period`);
    group.push('1');
  }
  groupBy.forEach((dimension) => {
    select.push(`${COLUMN[dimension]} as "${FIELD[dimension]}"`);
    group.push(COLUMN[dimension]);
  });
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (condition: string, value: unknown): void => {
    if (value === undefined) return;
    where.push(condition);
    params.push(value);
  };
  filter('created_at >= ?', query.from);
  filter('created_at < ?', query.to);
  filter('guild_id = ?', query.guildId);
  filter('user_id = ?', query.userId);
  filter('cog_name = ?', query.cogName);
  filter('provider = ?', query.provider);
  filter('model = ?', query.model);
  const rows = await sql.execute(
    `select ${[
      ...select,
      'count(*)::int as requests',
      `count(*) filter (where status = 'error')::int as errors`,
      `count(*) filter (where metadata->>'unpriced' = 'true')::int as "unpricedRequests"`,
      'coalesce(sum(prompt_tokens), 0)::bigint::text as "promptTokens"',
      'coalesce(sum(completion_tokens), 0)::bigint::text as "completionTokens"',
      'coalesce(sum(cache_read_tokens), 0)::bigint::text as "cacheReadTokens"',
      'coalesce(sum(cache_write_tokens), 0)::bigint::text as "cacheWriteTokens"',
      'coalesce(sum(reasoning_tokens), 0)::bigint::text as "reasoningTokens"',
      'coalesce(sum(total_tokens), 0)::bigint::text as "totalTokens"',
      'coalesce(sum(estimated_cost_usd), 0)::numeric(28,10)::text as "costUsd"',
    ].join(', ')}
     from llm_usage
     ${where.length ? `where ${where.join(' and ')}` : ''}
     ${group.length ? `group by ${group.join(', ')}` : ''}
     order by ${query.period ? '1, ' : ''}sum(estimated_cost_usd) desc`,
    params,
  );
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const key of TOKEN_FIELDS) out[key] = Number(row[key]);
    if (row.period !== undefined) out.period = utcIso(row.period as Date | string);
    return out as unknown as UsageAggregate;
  });
}
