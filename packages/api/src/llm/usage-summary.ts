import type { Database } from '@baseline/core';

/** Period length of a usage summary. */
export type UsageGranularity = 'day' | 'week' | 'month';

/** Filters of {@link summarizeUsage}. */
export interface UsageFilter {
  from: Date;
  to: Date;
  granularity: UsageGranularity;
  guildId?: string | undefined;
  cogName?: string | undefined;
  provider?: string | undefined;
  model?: string | undefined;
}

/** Sums of a set of `llm_usage` rows. Token and cost sums are decimal strings, never floats. */
export interface UsageTotals {
  requests: number;
  errors: number;
  prompt_tokens: string;
  completion_tokens: string;
  total_tokens: string;
  cost_usd: string;
}

export interface UsageSummary {
  from: string;
  to: string;
  granularity: UsageGranularity;
  totals: UsageTotals;
  by_model: Array<UsageTotals & { provider: string; model: string }>;
  by_period: Array<UsageTotals & { period: string; provider: string; model: string }>;
}

interface Row {
  period: Date | string | null;
  provider: string | null;
  model: string | null;
  level: number;
  requests: string;
  errors: string;
  prompt_tokens: string;
  completion_tokens: string;
  total_tokens: string;
  cost_usd: string;
}

const UNITS: Record<UsageGranularity, string> = { day: 'day', week: 'week', month: 'month' };

/**
 * Aggregates `llm_usage` in PostgreSQL: per period (UTC `date_trunc`), provider and model, per provider and
 * model, and overall, in one query with grouping sets.
 */
export async function summarizeUsage(db: Database, filter: UsageFilter): Promise<UsageSummary> {
  const conditions = ['created_at >= ?', 'created_at < ?'];
  const values: unknown[] = [filter.from, filter.to];
  for (const [column, value] of [
    ['guild_id', filter.guildId],
    ['cog_name', filter.cogName],
    ['provider', filter.provider],
    ['model', filter.model],
  ] as const) {
    if (value !== undefined) {
      conditions.push(`${column} = ?`);
      values.push(value);
    }
  }
  const unit = UNITS[filter.granularity];
  const rows = await db
    .fork()
    .getConnection()
    .execute<Row[]>(
      `select date_trunc('${unit}', created_at at time zone 'UTC') as period, provider, model,
            grouping(date_trunc('${unit}', created_at at time zone 'UTC'), provider, model) as level,
            count(*)::text as requests,
            count(*) filter (where status = 'error')::text as errors,
            coalesce(sum(prompt_tokens), 0)::text as prompt_tokens,
            coalesce(sum(completion_tokens), 0)::text as completion_tokens,
            coalesce(sum(total_tokens), 0)::text as total_tokens,
            coalesce(sum(estimated_cost_usd), 0)::text as cost_usd
       from llm_usage
      where ${conditions.join(' and ')}
      group by grouping sets ((date_trunc('${unit}', created_at at time zone 'UTC'), provider, model), (provider, model), ())
      order by 1 nulls first, provider, model`,
      values,
    );
  const totalsOf = (row: Row): UsageTotals => ({
    requests: Number(row.requests),
    errors: Number(row.errors),
    prompt_tokens: row.prompt_tokens,
    completion_tokens: row.completion_tokens,
    total_tokens: row.total_tokens,
    cost_usd: row.cost_usd,
  });
  const empty: UsageTotals = { requests: 0, errors: 0, prompt_tokens: '0', completion_tokens: '0', total_tokens: '0', cost_usd: '0' };
  const overall = rows.find((row) => Number(row.level) === 7);
  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    granularity: filter.granularity,
    totals: overall ? totalsOf(overall) : empty,
    by_model: rows.filter((row) => Number(row.level) === 4).map((row) => ({ provider: row.provider!, model: row.model!, ...totalsOf(row) })),
    by_period: rows
      .filter((row) => Number(row.level) === 0)
      .map((row) => ({ period: periodIso(row.period!), provider: row.provider!, model: row.model!, ...totalsOf(row) })),
  };
}

/** `date_trunc` over a `timestamp without time zone` in UTC: read it back as UTC. */
function periodIso(value: Date | string): string {
  if (value instanceof Date) return new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString();
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}
