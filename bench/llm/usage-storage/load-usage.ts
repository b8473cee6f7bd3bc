// Fills a throwaway database's `llm_usage` with generated rows, fast: the table is made unlogged and its indexes are
// dropped while `INSERT … SELECT generate_series` runs in chunks, then the indexes of the migrations are built again.
// The table stays unlogged (the database is dropped after the run; reads do not depend on it). The rollup triggers stay
// on: each chunk adds its sums to the daily rollups, as a usage flush does.
import type pg from 'pg';

/** The indexes the baseline migrations create on `llm_usage`, rebuilt after the load. */
const USAGE_INDEXES = [
  'create index "llm_usage_created_at_index" on "llm_usage" ("created_at")',
  'create index "llm_usage_guild_id_created_at_index" on "llm_usage" ("guild_id", "created_at")',
  'create index "llm_usage_provider_model_created_at_index" on "llm_usage" ("provider", "model", "created_at")',
  'create index "llm_usage_cog_name_created_at_index" on "llm_usage" ("cog_name", "created_at")',
  'create unique index "llm_usage_record_id_unique" on "llm_usage" ("record_id")',
];

export const GUILD_BASE = 100_000_000_000_000_000n;

/** Six models; each guild mostly uses one. The last has no price (cost 0, `metadata.unpriced`). */
const MODELS = [
  ['anthropic', 'claude-sonnet-4', 0.000003, 0.000015],
  ['anthropic', 'claude-haiku-4', 0.000001, 0.000005],
  ['openai', 'gpt-4.1', 0.000002, 0.000008],
  ['openai', 'gpt-4.1-mini', 0.0000004, 0.0000016],
  ['gemini', 'gemini-2.5-flash', 0.0000003, 0.0000025],
  ['ollama', 'llama3.1:8b', 0, 0],
] as const;
const COGS = ['ask', 'summarize', 'translate', 'moderate', 'chat'];

export interface UsageLoad {
  rows: number;
  guilds: number;
  days: number;
  /** The instant every generated `created_at` lies before (and within `days` of). */
  now: Date;
}

/** Inserts the guilds and `rows` usage rows; `onProgress` is told after each chunk. */
export async function loadUsage(client: pg.Client, load: UsageLoad, onProgress: (done: number) => void): Promise<void> {
  await client.query(`insert into guilds (guild_id, guild_name) select $1::bigint + g, 'Guild ' || g from generate_series(0, $2::int - 1) g`, [
    GUILD_BASE.toString(),
    load.guilds,
  ]);
  await client.query('alter table llm_usage set unlogged');
  for (const statement of USAGE_INDEXES) await client.query(`drop index if exists ${statement.match(/index ("[^"]+")/)![1]}`);
  const models = `(values ${MODELS.map(([provider, model, input, output], index) => `(${index}, '${provider}', '${model}', ${input}::numeric, ${output}::numeric)`).join(', ')}) as m(i, provider, model, price_in, price_out)`;
  const chunk = 1_000_000;
  for (let done = 0; done < load.rows; done += chunk) {
    const size = Math.min(chunk, load.rows - done);
    // g: a skewed guild (a few guilds make most requests); each guild has one main model and one main cog.
    await client.query(
      `insert into llm_usage (guild_id, user_id, cog_name, provider, model, request_type, status, error_code, prompt_tokens,
                              completion_tokens, total_tokens, estimated_cost_usd, latency_ms, created_at, metadata)
       select $1::bigint + s.g, 200000000000000000 + (random() * 100000)::int,
              (array[${COGS.map((cog) => `'${cog}'`).join(', ')}])[1 + case when random() < 0.9 then s.g % ${COGS.length} else floor(random() * ${COGS.length})::int end],
              m.provider, m.model, 'chat',
              case when s.r < 0.02 then 'error' else 'ok' end, case when s.r < 0.02 then 'upstream_error' end,
              s.prompt, s.completion, s.prompt + s.completion,
              (s.prompt * m.price_in + s.completion * m.price_out)::numeric(18,10),
              (200 + random() * 3000)::int,
              $2::timestamptz - random() * make_interval(days => $3::int),
              case when m.price_in = 0 then '{"unpriced":true}'::jsonb end
         from (select floor(random() * random() * $4::int)::int as g, random() as r, random() as pick,
                      (50 + random() * 2000)::int as prompt, (20 + random() * 800)::int as completion
                 from generate_series(1, $5::int)) s
         join ${models} on m.i = case when s.pick < 0.85 then s.g % ${MODELS.length} else floor(s.pick * 100)::int % ${MODELS.length} end`,
      [GUILD_BASE.toString(), load.now, load.days, load.guilds, size],
    );
    onProgress(done + size);
  }
  for (const statement of USAGE_INDEXES) await client.query(statement);
  await client.query('analyze llm_usage');
}
