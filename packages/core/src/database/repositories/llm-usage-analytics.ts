import type { Database } from '../create-database.js';
import { utcIso, type UsageGranularity } from './llm-usage-repository.js';

/** Filters of {@link summarizeUsage}: a range, a period length, and optional equality filters. */
export interface UsageFilter {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  granularity: UsageGranularity;
  guildId?: string | undefined;
  cogName?: string | undefined;
  provider?: string | undefined;
  model?: string | undefined;
}

/** Sums of a set of `llm_usage` rows, as the API answers them. Token and cost sums are decimal strings, never floats. */
export interface UsageTotals {
  requests: number;
  errors: number;
  prompt_tokens: string;
  completion_tokens: string;
  total_tokens: string;
  cost_usd: string;
}

/** {@link summarizeUsage}'s answer: the range's totals, per provider and model, and per period, provider and model. */
export interface UsageSummary {
  from: string;
  to: string;
  granularity: UsageGranularity;
  totals: UsageTotals;
  by_model: Array<UsageTotals & { provider: string; model: string }>;
  by_period: Array<UsageTotals & { period: string; provider: string; model: string }>;
}

interface SummaryRow {
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

const EMPTY_TOTALS: UsageTotals = { requests: 0, errors: 0, prompt_tokens: '0', completion_tokens: '0', total_tokens: '0', cost_usd: '0' };

function totalsOf(row: SummaryRow): UsageTotals {
  return {
    requests: Number(row.requests),
    errors: Number(row.errors),
    prompt_tokens: row.prompt_tokens,
    completion_tokens: row.completion_tokens,
    total_tokens: row.total_tokens,
    cost_usd: row.cost_usd,
  };
}

/**
 * Sums `llm_usage` over a range: per period (UTC `date_trunc`), provider and model, per provider and model, and
 * overall, in one query with grouping sets. What the API's usage summaries answer.
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
  const period = `date_trunc('${filter.granularity}', created_at at time zone 'UTC')`;
  const rows = await db
    .fork()
    .getConnection()
    .execute<SummaryRow[]>(
      `select ${period} as period, provider, model, grouping(${period}, provider, model) as level,
            count(*)::text as requests,
            count(*) filter (where status = 'error')::text as errors,
            coalesce(sum(prompt_tokens), 0)::text as prompt_tokens,
            coalesce(sum(completion_tokens), 0)::text as completion_tokens,
            coalesce(sum(total_tokens), 0)::text as total_tokens,
            coalesce(sum(estimated_cost_usd), 0)::text as cost_usd
       from llm_usage
      where ${conditions.join(' and ')}
      group by grouping sets ((${period}, provider, model), (provider, model), ())
      order by 1 nulls first, provider, model`,
      values,
    );
  const overall = rows.find((row) => Number(row.level) === 7);
  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    granularity: filter.granularity,
    totals: overall ? totalsOf(overall) : EMPTY_TOTALS,
    by_model: rows.filter((row) => Number(row.level) === 4).map((row) => ({ provider: row.provider!, model: row.model!, ...totalsOf(row) })),
    by_period: rows
      .filter((row) => Number(row.level) === 0)
      .map((row) => ({ period: utcIso(row.period!), provider: row.provider!, model: row.model!, ...totalsOf(row) })),
  };
}

/** What {@link breakdownUsage} splits usage by: `model` is the provider and model together (`openai/gpt-4.1`). */
export type UsageBreakdownKey = 'provider' | 'model' | 'guild' | 'cog';

/** One period and key of a breakdown; token and cost sums are decimal strings. */
export interface UsageBreakdownPoint {
  period: string;
  key: string;
  requests: number;
  total_tokens: string;
  cost_usd: string;
}

/** One key over the whole range, with a readable label (the guild's name for guilds). */
export interface UsageBreakdownTop {
  key: string;
  label: string;
  requests: number;
  total_tokens: string;
  cost_usd: string;
}

/** {@link breakdownUsage}'s answer. */
export interface UsageBreakdown {
  from: string;
  to: string;
  granularity: UsageGranularity;
  by: UsageBreakdownKey;
  series: UsageBreakdownPoint[];
  /** The ten keys with the highest cost over the range. */
  top: UsageBreakdownTop[];
  /** The ten guilds with the highest cost over the range, whatever the dimension. */
  top_guilds: UsageBreakdownTop[];
  /** Requests that had usage but no price in force (their cost is counted as 0). */
  unpriced_requests: number;
}

/** Filters of {@link breakdownUsage}. */
export interface UsageBreakdownFilter {
  from: Date;
  to: Date;
  granularity: UsageGranularity;
  by: UsageBreakdownKey;
}

// Fixed SQL per key (never user text); a null guild or cog is reported under "(none)".
const KEYS: Record<UsageBreakdownKey, string> = {
  provider: 'u.provider',
  model: "u.provider || '/' || u.model",
  guild: "coalesce(u.guild_id::text, '(none)')",
  cog: "coalesce(u.cog_name, '(none)')",
};

type Sums = { key: string; requests: string; total_tokens: string; cost_usd: string };

/**
 * Splits `llm_usage` between `from` and `to` by one key, per UTC period, for the dashboard's charts: the series, the
 * top ten keys by cost (guilds labelled with their name), the top ten guilds and the count of unpriced requests.
 */
export async function breakdownUsage(db: Database, filter: UsageBreakdownFilter): Promise<UsageBreakdown> {
  const key = KEYS[filter.by];
  const period = `date_trunc('${filter.granularity}', u.created_at at time zone 'UTC')`;
  const sql = db.fork().getConnection();
  const range = [filter.from, filter.to];
  const series = await sql.execute<Array<Sums & { period: Date | string }>>(
    `select ${period} as period, ${key} as key, count(*)::text as requests,
            coalesce(sum(u.total_tokens), 0)::text as total_tokens, coalesce(sum(u.estimated_cost_usd), 0)::text as cost_usd
       from llm_usage u where u.created_at >= ? and u.created_at < ?
      group by 1, 2 order by 1, 2`,
    range,
  );
  const topOf = (column: string) =>
    sql.execute<Array<Sums & { label: string | null }>>(
      `select ${column} as key, max(g.guild_name) as label, count(*)::text as requests,
              coalesce(sum(u.total_tokens), 0)::text as total_tokens, coalesce(sum(u.estimated_cost_usd), 0)::text as cost_usd
         from llm_usage u left join guilds g on g.guild_id = u.guild_id
        where u.created_at >= ? and u.created_at < ?
        group by 1 order by sum(u.estimated_cost_usd) desc nulls last, count(*) desc limit 10`,
      range,
    );
  const toTop =
    (labelled: boolean) =>
    (row: Sums & { label: string | null }): UsageBreakdownTop => ({
      key: row.key,
      label: (labelled ? row.label : null) ?? row.key,
      requests: Number(row.requests),
      total_tokens: row.total_tokens,
      cost_usd: row.cost_usd,
    });
  const top = (await topOf(key)).map(toTop(filter.by === 'guild'));
  const topGuilds = (await topOf(KEYS.guild)).map(toTop(true));
  const [unpriced] = await sql.execute<Array<{ count: string }>>(
    `select count(*)::text as count from llm_usage u
      where u.created_at >= ? and u.created_at < ? and (u.metadata->>'unpriced') = 'true'`,
    range,
  );
  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    granularity: filter.granularity,
    by: filter.by,
    series: series.map((row) => ({
      period: utcIso(row.period),
      key: row.key,
      requests: Number(row.requests),
      total_tokens: row.total_tokens,
      cost_usd: row.cost_usd,
    })),
    top,
    top_guilds: topGuilds,
    unpriced_requests: Number(unpriced?.count ?? 0),
  };
}
