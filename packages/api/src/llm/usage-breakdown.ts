import type { Database } from '@baseline/core';
import type { UsageGranularity } from './usage-summary.js';

/** What usage is split by: a column of `llm_usage`. */
export type UsageDimension = 'provider' | 'model' | 'guild' | 'cog';

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

export interface UsageBreakdown {
  from: string;
  to: string;
  granularity: UsageGranularity;
  by: UsageDimension;
  series: UsageBreakdownPoint[];
  /** The ten keys with the highest cost over the range. */
  top: UsageBreakdownTop[];
  /** The ten guilds with the highest cost over the range, whatever the dimension. */
  top_guilds: UsageBreakdownTop[];
  /** Requests that had usage but no price in force (their cost is counted as 0). */
  unpriced_requests: number;
}

// Fixed SQL per dimension (never user text); a null guild or cog is reported under "(none)".
const COLUMNS: Record<UsageDimension, string> = {
  provider: 'u.provider',
  model: "u.provider || '/' || u.model",
  guild: "coalesce(u.guild_id::text, '(none)')",
  cog: "coalesce(u.cog_name, '(none)')",
};

/**
 * Splits `llm_usage` between `from` and `to` by one dimension, per UTC period, for the dashboard's charts:
 * the series, the top ten keys by cost (guilds labelled with their name) and the count of unpriced requests.
 */
export async function breakdownUsage(
  db: Database,
  filter: { from: Date; to: Date; granularity: UsageGranularity; by: UsageDimension },
): Promise<UsageBreakdown> {
  const key = COLUMNS[filter.by];
  const period = `date_trunc('${filter.granularity}', u.created_at at time zone 'UTC')`;
  const sql = db.fork().getConnection();
  const range = [filter.from, filter.to];
  const series = await sql.execute<Array<{ period: Date | string; key: string; requests: string; total_tokens: string; cost_usd: string }>>(
    `select ${period} as period, ${key} as key, count(*)::text as requests,
            coalesce(sum(u.total_tokens), 0)::text as total_tokens, coalesce(sum(u.estimated_cost_usd), 0)::text as cost_usd
       from llm_usage u where u.created_at >= ? and u.created_at < ?
      group by 1, 2 order by 1, 2`,
    range,
  );
  const topOf = (column: string) =>
    sql.execute<Array<{ key: string; label: string | null; requests: string; total_tokens: string; cost_usd: string }>>(
      `select ${column} as key, max(g.guild_name) as label, count(*)::text as requests,
              coalesce(sum(u.total_tokens), 0)::text as total_tokens, coalesce(sum(u.estimated_cost_usd), 0)::text as cost_usd
         from llm_usage u left join guilds g on g.guild_id = u.guild_id
        where u.created_at >= ? and u.created_at < ?
        group by 1 order by sum(u.estimated_cost_usd) desc nulls last, count(*) desc limit 10`,
      range,
    );
  const toTop =
    (labelled: boolean) =>
    (row: { key: string; label: string | null; requests: string; total_tokens: string; cost_usd: string }): UsageBreakdownTop => ({
      key: row.key,
      label: (labelled ? row.label : null) ?? row.key,
      requests: Number(row.requests),
      total_tokens: row.total_tokens,
      cost_usd: row.cost_usd,
    });
  const top = (await topOf(key)).map(toTop(filter.by === 'guild'));
  const topGuilds = (await topOf(COLUMNS.guild)).map(toTop(true));
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

/** `date_trunc` over a `timestamp without time zone` in UTC: read it back as UTC. */
export function utcIso(value: Date | string): string {
  if (value instanceof Date) return new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString();
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}
