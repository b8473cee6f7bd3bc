import type { Database } from '../create-database.js';
import { utcIso, type UsageGranularity } from './llm-usage-repository.js';

/** How the analytics read. */
export interface UsageReadOptions {
  /**
   * `false` reads `llm_usage` alone, ignoring the daily rollups: the reference answer the rollups are tested and
   * benchmarked against. Both give the same answer.
   * @default true
   */
  rollups?: boolean;
}

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

type SumColumns = { requests: string; errors: string; prompt_tokens: string; completion_tokens: string; total_tokens: string; cost_usd: string };

/** A relation of day-level or row-level sums, aliased `s` by the caller, with the parameters it binds. */
interface Source {
  sql: string;
  params: unknown[];
}

const DAY_MS = 86_400_000;

/** `llm_usage` rows as sums of one request each, under the rollups' column names. */
const RAW_ROWS = `select created_at at time zone 'UTC' as ts, guild_id, cog_name, provider, model, 1 as requests,
    case when status = 'error' then 1 else 0 end as errors, case when metadata->>'unpriced' = 'true' then 1 else 0 end as unpriced_requests,
    prompt_tokens, completion_tokens, total_tokens, estimated_cost_usd as cost_usd
  from llm_usage`;

const ROLLUP_SUMS = 'requests, errors, unpriced_requests, prompt_tokens, completion_tokens, total_tokens, cost_usd';

/**
 * The usage of `[from, to)` as rows of sums: whole UTC days from a daily rollup (its columns `columns`, the others
 * null) and the partial days at either edge from `llm_usage`, so every sum equals the raw table's. A range within one
 * day, or `rollups: false`, reads `llm_usage` alone.
 *
 * @param filters - equality filters on columns both relations hold
 */
function usageSource(
  range: { from: Date; to: Date },
  rollup: { table: 'llm_usage_daily_totals' | 'llm_usage_daily_guilds'; columns: readonly string[] } | undefined,
  filters: ReadonlyArray<readonly [column: string, value: string | undefined]> = [],
): Source {
  const where: string[] = [];
  const values: unknown[] = [];
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    values.push(value);
  }
  const and = where.map((condition) => ` and ${condition}`).join('');
  const firstDay = new Date(Math.ceil(range.from.getTime() / DAY_MS) * DAY_MS);
  const endDay = new Date(Math.floor(range.to.getTime() / DAY_MS) * DAY_MS);
  if (rollup === undefined || firstDay >= endDay)
    return { sql: `${RAW_ROWS} where created_at >= ? and created_at < ?${and}`, params: [range.from, range.to, ...values] };
  const nulls = ['guild_id', 'cog_name', 'provider', 'model'].map((column) => (rollup.columns.includes(column) ? column : `null as ${column}`));
  return {
    sql: `select day::timestamp as ts, ${nulls.join(', ')}, ${ROLLUP_SUMS} from ${rollup.table} where day >= ?::date and day < ?::date${and}
      union all
      ${RAW_ROWS} where ((created_at >= ? and created_at < ?) or (created_at >= ? and created_at < ?))${and}`,
    params: [isoDay(firstDay), isoDay(endDay), ...values, range.from, firstDay, endDay, range.to, ...values],
  };
}

const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

const totalsOf = (row: SumColumns): UsageTotals => ({
  requests: Number(row.requests),
  errors: Number(row.errors),
  prompt_tokens: row.prompt_tokens,
  completion_tokens: row.completion_tokens,
  total_tokens: row.total_tokens,
  cost_usd: row.cost_usd,
});

const EMPTY_TOTALS: UsageTotals = { requests: 0, errors: 0, prompt_tokens: '0', completion_tokens: '0', total_tokens: '0', cost_usd: '0' };

/**
 * Sums usage over a range: per period (UTC `date_trunc`), provider and model, per provider and model, and overall,
 * in one query with grouping sets. What the API's usage summaries answer.
 *
 * Whole UTC days come from `llm_usage_daily_totals` (day, cog, provider, model); one guild's summary reads
 * `llm_usage` through its `(guild_id, created_at)` index, as the guild rollup has no provider or model.
 */
export async function summarizeUsage(db: Database, filter: UsageFilter, options: UsageReadOptions = {}): Promise<UsageSummary> {
  const rollup =
    options.rollups !== false && filter.guildId === undefined
      ? { table: 'llm_usage_daily_totals' as const, columns: ['cog_name', 'provider', 'model'] }
      : undefined;
  const source = usageSource(filter, rollup, [
    ['guild_id', filter.guildId],
    ['cog_name', filter.cogName],
    ['provider', filter.provider],
    ['model', filter.model],
  ]);
  const period = `date_trunc('${filter.granularity}', s.ts)`;
  const rows = await db
    .fork()
    .getConnection()
    .execute<Array<SumColumns & { period: Date | string | null; provider: string | null; model: string | null; level: number }>>(
      `select ${period} as period, s.provider, s.model, grouping(${period}, s.provider, s.model) as level,
            coalesce(sum(s.requests), 0)::text as requests, coalesce(sum(s.errors), 0)::text as errors,
            coalesce(sum(s.prompt_tokens), 0)::text as prompt_tokens, coalesce(sum(s.completion_tokens), 0)::text as completion_tokens,
            coalesce(sum(s.total_tokens), 0)::text as total_tokens, coalesce(sum(s.cost_usd), 0)::text as cost_usd
       from (${source.sql}) s
      group by grouping sets ((${period}, s.provider, s.model), (s.provider, s.model), ())
      order by 1 nulls first, 2, 3`,
      source.params,
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
  /** The ten keys with the highest cost over the range (ties: more requests first, then by key). */
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
  provider: 's.provider',
  model: "s.provider || '/' || s.model",
  guild: "coalesce(s.guild_id::text, '(none)')",
  cog: "coalesce(s.cog_name, '(none)')",
};

type KeySums = { key: string; requests: string; total_tokens: string; cost_usd: string };

/**
 * Splits usage between `from` and `to` by one key, per UTC period, for the dashboard's charts: the series, the top
 * ten keys by cost (guilds labelled with their name), the top ten guilds and the count of unpriced requests.
 *
 * Whole UTC days come from `llm_usage_daily_guilds` for guilds and from `llm_usage_daily_totals` for the rest.
 */
export async function breakdownUsage(db: Database, filter: UsageBreakdownFilter, options: UsageReadOptions = {}): Promise<UsageBreakdown> {
  const rollups = options.rollups !== false;
  const totals = usageSource(filter, rollups ? { table: 'llm_usage_daily_totals', columns: ['cog_name', 'provider', 'model'] } : undefined);
  const guilds = usageSource(filter, rollups ? { table: 'llm_usage_daily_guilds', columns: ['guild_id'] } : undefined);
  const source = filter.by === 'guild' ? guilds : totals;
  const key = KEYS[filter.by];
  const sql = db.fork().getConnection();
  const series = await sql.execute<Array<KeySums & { period: Date | string }>>(
    `select date_trunc('${filter.granularity}', s.ts) as period, ${key} as key, sum(s.requests)::text as requests,
            coalesce(sum(s.total_tokens), 0)::text as total_tokens, coalesce(sum(s.cost_usd), 0)::text as cost_usd
       from (${source.sql}) s group by 1, 2 order by 1, 2`,
    source.params,
  );
  const topOf = async (of: Source, column: string, labelled: boolean): Promise<UsageBreakdownTop[]> => {
    const rows = await sql.execute<Array<KeySums & { label: string | null }>>(
      `select ${column} as key, ${labelled ? 'max(g.guild_name)' : 'null'} as label, sum(s.requests)::text as requests,
              coalesce(sum(s.total_tokens), 0)::text as total_tokens, coalesce(sum(s.cost_usd), 0)::text as cost_usd
         from (${of.sql}) s ${labelled ? 'left join guilds g on g.guild_id = s.guild_id' : ''}
        group by 1 order by sum(s.cost_usd) desc nulls last, sum(s.requests) desc, 1 limit 10`,
      of.params,
    );
    return rows.map((row) => ({
      key: row.key,
      label: row.label ?? row.key,
      requests: Number(row.requests),
      total_tokens: row.total_tokens,
      cost_usd: row.cost_usd,
    }));
  };
  const top = await topOf(source, key, filter.by === 'guild');
  // Split by guild, the top ten are the top guilds already: the same query is not run twice.
  const topGuilds = filter.by === 'guild' ? top : await topOf(guilds, KEYS.guild, true);
  const [unpriced] = await sql.execute<Array<{ count: string }>>(
    `select coalesce(sum(s.unpriced_requests), 0)::text as count from (${totals.sql}) s`,
    totals.params,
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
