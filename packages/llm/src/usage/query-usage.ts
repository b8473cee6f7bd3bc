import type { SqlExecutor } from '../database/sql-executor.js';

/** A dimension usage can be grouped by. */
export type UsageDimension = 'guild' | 'user' | 'cog' | 'provider' | 'model' | 'requestType' | 'status';

/** Filters and grouping for {@link queryUsage}. */
export interface UsageQuery {
  /** Dimensions to group by, in output order. @default [] (one total) */
  groupBy?: readonly UsageDimension[];
  /** Time bucket (UTC, weeks start on Monday); omit for no time grouping. */
  period?: 'day' | 'week' | 'month';
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

/** One group of usage. Counts are numbers; money is a decimal string. */
export interface UsageAggregate {
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
  promptTokens: number;
  completionTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  totalTokens: number;
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

/**
 * Sums `llm_usage` per group (guild, user, cog, provider, model, …) and per day, week or month, for the
 * API's analytics. Ordered by period, then by cost descending.
 *
 * @example
 * ```ts
 * await queryUsage(sql, { groupBy: ['provider', 'model'], period: 'day', guildId, from: monthStart });
 * ```
 */
export async function queryUsage(sql: SqlExecutor, query: UsageQuery = {}): Promise<UsageAggregate[]> {
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
    for (const key of ['promptTokens', 'completionTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens', 'totalTokens'])
      out[key] = Number(row[key]);
    if (row.period !== undefined) out.period = new Date(row.period as string).toISOString();
    return out as unknown as UsageAggregate;
  });
}
