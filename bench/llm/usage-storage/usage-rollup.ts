// The rollup alternative: `llm_usage_daily`, one row per UTC day, guild, cog, provider and model, kept current in the
// same statement that writes a usage batch. The analytics answers read whole UTC days from it and only the two
// partial edge days of a range from `llm_usage`, so they equal the raw queries' answers exactly (the bench checks).
import type { Database } from '@baseline/core';
import type { UsageBreakdown, UsageBreakdownKey as UsageDimension, UsageFilter, UsageGranularity, UsageSummary } from '../../../packages/core/src/index.js';
import { utcIso } from '../../../packages/core/src/database/repositories/llm-usage-repository.js';

export const CREATE_ROLLUP = [
  `create table llm_usage_daily (
     day date not null,
     guild_id bigint null,
     cog_name varchar(255) null,
     provider varchar(255) not null,
     model varchar(255) not null,
     requests int not null,
     errors int not null,
     unpriced_requests int not null,
     prompt_tokens bigint not null,
     completion_tokens bigint not null,
     cache_read_tokens bigint not null,
     cache_write_tokens bigint not null,
     reasoning_tokens bigint not null,
     total_tokens bigint not null,
     cost_usd numeric(28,10) not null
   )`,
  'create unique index llm_usage_daily_key on llm_usage_daily (day, guild_id, cog_name, provider, model) nulls not distinct',
  'create index llm_usage_daily_guild_day on llm_usage_daily (guild_id, day)',
];

/** Sums of raw rows, grouped as the rollup's key; `source` is a relation with `llm_usage`'s columns. */
const rollupSelect = (source: string) => `
  select (created_at at time zone 'UTC')::date, guild_id, cog_name, provider, model,
         count(*), count(*) filter (where status = 'error'), count(*) filter (where metadata->>'unpriced' = 'true'),
         sum(prompt_tokens), sum(completion_tokens), sum(cache_read_tokens), sum(cache_write_tokens), sum(reasoning_tokens),
         sum(total_tokens), sum(estimated_cost_usd)
    from ${source}
   group by 1, 2, 3, 4, 5`;

/** Builds the rollup from every row (what a migration does once). */
export const BUILD_ROLLUP = `insert into llm_usage_daily ${rollupSelect('llm_usage')}`;

/**
 * The usage sink's batch insert with the rollup refreshed in the same statement: the rows actually inserted (a
 * retried batch inserts none) are added to their day's rollup rows. Ordered by key, so two processes flushing at
 * once lock rollup rows in the same order.
 */
export function insertWithRollup(insert: string): string {
  const add = (column: string) => `${column} = llm_usage_daily.${column} + excluded.${column}`;
  return `with inserted as (${insert} returning *)
    insert into llm_usage_daily ${rollupSelect('inserted')} order by 1, 2, 3, 4, 5
    on conflict (day, guild_id, cog_name, provider, model) do update set
      ${['requests', 'errors', 'unpriced_requests', 'prompt_tokens', 'completion_tokens', 'cache_read_tokens', 'cache_write_tokens', 'reasoning_tokens', 'total_tokens', 'cost_usd'].map(add).join(', ')}`;
}

const DAY_MS = 86_400_000;

/**
 * The rows of a range as day-level sums: whole UTC days from the rollup, the partial days at either edge from the
 * raw table. Columns: ts (timestamp, UTC), guild_id, cog_name, provider, model and the sums.
 */
function usageSource(from: Date, to: Date, conditions: string[], values: unknown[]): { sql: string; params: unknown[] } {
  const firstDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const endDay = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS);
  const where = conditions.length ? ` and ${conditions.join(' and ')}` : '';
  const raw = `select created_at at time zone 'UTC' as ts, guild_id, cog_name, provider, model, 1 as requests,
                      (status = 'error')::int as errors, (metadata->>'unpriced' = 'true')::int as unpriced_requests,
                      prompt_tokens, completion_tokens, total_tokens, estimated_cost_usd as cost_usd
                 from llm_usage where created_at >= ? and created_at < ?${where}`;
  if (firstDay >= endDay) return { sql: raw, params: [from, to, ...values] };
  return {
    sql: `select day::timestamp as ts, guild_id, cog_name, provider, model, requests, errors, unpriced_requests,
                 prompt_tokens, completion_tokens, total_tokens, cost_usd
            from llm_usage_daily where day >= ?::date and day < ?::date${where}
          union all ${raw}
          union all ${raw}`,
    params: [firstDay.toISOString().slice(0, 10), endDay.toISOString().slice(0, 10), ...values, from, firstDay, ...values, endDay, to, ...values],
  };
}

interface TotalsRow {
  requests: string;
  errors: string;
  prompt_tokens: string;
  completion_tokens: string;
  total_tokens: string;
  cost_usd: string;
}

/** `summarizeUsage`'s answer, read through the rollup. */
export async function summarizeUsageFromRollup(db: Database, filter: UsageFilter): Promise<UsageSummary> {
  const conditions: string[] = [];
  const values: unknown[] = [];
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
  const source = usageSource(filter.from, filter.to, conditions, values);
  const period = `date_trunc('${filter.granularity}', ts)`;
  const rows = await db
    .fork()
    .getConnection()
    .execute<Array<TotalsRow & { period: Date | string | null; provider: string | null; model: string | null; level: number }>>(
      `select ${period} as period, provider, model, grouping(${period}, provider, model) as level,
            coalesce(sum(requests), 0)::text as requests, coalesce(sum(errors), 0)::text as errors,
            coalesce(sum(prompt_tokens), 0)::text as prompt_tokens, coalesce(sum(completion_tokens), 0)::text as completion_tokens,
            coalesce(sum(total_tokens), 0)::text as total_tokens, coalesce(sum(cost_usd), 0)::text as cost_usd
       from (${source.sql}) s
      group by grouping sets ((${period}, provider, model), (provider, model), ())
      order by 1 nulls first, provider, model`,
      source.params,
    );
  const totalsOf = (row: TotalsRow) => ({
    requests: Number(row.requests),
    errors: Number(row.errors),
    prompt_tokens: row.prompt_tokens,
    completion_tokens: row.completion_tokens,
    total_tokens: row.total_tokens,
    cost_usd: row.cost_usd,
  });
  const overall = rows.find((row) => Number(row.level) === 7);
  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    granularity: filter.granularity,
    totals: overall ? totalsOf(overall) : { requests: 0, errors: 0, prompt_tokens: '0', completion_tokens: '0', total_tokens: '0', cost_usd: '0' },
    by_model: rows.filter((row) => Number(row.level) === 4).map((row) => ({ provider: row.provider!, model: row.model!, ...totalsOf(row) })),
    by_period: rows
      .filter((row) => Number(row.level) === 0)
      .map((row) => ({ period: utcIso(row.period!), provider: row.provider!, model: row.model!, ...totalsOf(row) })),
  };
}

const KEYS: Record<UsageDimension, string> = {
  provider: 's.provider',
  model: "s.provider || '/' || s.model",
  guild: "coalesce(s.guild_id::text, '(none)')",
  cog: "coalesce(s.cog_name, '(none)')",
};

/** `breakdownUsage`'s answer, read through the rollup. */
export async function breakdownUsageFromRollup(
  db: Database,
  filter: { from: Date; to: Date; granularity: UsageGranularity; by: UsageDimension },
): Promise<UsageBreakdown> {
  const source = usageSource(filter.from, filter.to, [], []);
  const key = KEYS[filter.by];
  const sql = db.fork().getConnection();
  type Sums = { key: string; requests: string; total_tokens: string; cost_usd: string };
  const series = await sql.execute<Array<Sums & { period: Date | string }>>(
    `select date_trunc('${filter.granularity}', s.ts) as period, ${key} as key, sum(s.requests)::text as requests,
            coalesce(sum(s.total_tokens), 0)::text as total_tokens, coalesce(sum(s.cost_usd), 0)::text as cost_usd
       from (${source.sql}) s group by 1, 2 order by 1, 2`,
    source.params,
  );
  const topOf = (column: string) =>
    sql.execute<Array<Sums & { label: string | null }>>(
      `select ${column} as key, max(g.guild_name) as label, sum(s.requests)::text as requests,
              coalesce(sum(s.total_tokens), 0)::text as total_tokens, coalesce(sum(s.cost_usd), 0)::text as cost_usd
         from (${source.sql}) s left join guilds g on g.guild_id = s.guild_id
        group by 1 order by sum(s.cost_usd) desc nulls last, sum(s.requests) desc limit 10`,
      source.params,
    );
  const toTop = (labelled: boolean) => (row: Sums & { label: string | null }) => ({
    key: row.key,
    label: (labelled ? row.label : null) ?? row.key,
    requests: Number(row.requests),
    total_tokens: row.total_tokens,
    cost_usd: row.cost_usd,
  });
  const top = (await topOf(key)).map(toTop(filter.by === 'guild'));
  const topGuilds = (await topOf(KEYS.guild)).map(toTop(true));
  const [unpriced] = await sql.execute<Array<{ count: string }>>(
    `select coalesce(sum(s.unpriced_requests), 0)::text as count from (${source.sql}) s`,
    source.params,
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
