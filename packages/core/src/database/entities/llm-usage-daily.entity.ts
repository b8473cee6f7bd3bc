import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The sums a daily rollup of `llm_usage` carries per key. Maintained by triggers on `llm_usage` (migration
 * `0007_llm_usage_rollups`) and read by `repositories/llm-usage-analytics.ts`; the entities exist so the schema check
 * covers the tables. No user id: erasing a user's data has nothing to clear here.
 */
const sums = {
  id: p.bigint('string').primary(),
  day: p.date(),
  requests: p.bigint('string'),
  errors: p.bigint('string'),
  unpricedRequests: p.bigint('string'),
  promptTokens: p.bigint('string'),
  completionTokens: p.bigint('string'),
  totalTokens: p.bigint('string'),
  costUsd: p.decimal('string').precision(28).scale(10),
};

/** `llm_usage` per UTC day, cog, provider and model: all-guild summaries and the provider, model and cog breakdowns. */
export const LlmUsageDailyTotal = defineEntity({
  name: 'LlmUsageDailyTotal',
  tableName: 'llm_usage_daily_totals',
  properties: { ...sums, cogName: p.string().nullable(), provider: p.string(), model: p.string() },
  // `nulls not distinct`, which MikroORM cannot declare: a null cog is one key, as in `group by`.
  uniques: [
    {
      name: 'llm_usage_daily_totals_key',
      expression: 'create unique index "llm_usage_daily_totals_key" on "llm_usage_daily_totals" ("day", "cog_name", "provider", "model") nulls not distinct',
    },
  ],
});

export type LlmUsageDailyTotal = InferEntity<typeof LlmUsageDailyTotal>;

/** `llm_usage` per UTC day and guild: the by-guild breakdown and the top guilds. */
export const LlmUsageDailyGuild = defineEntity({
  name: 'LlmUsageDailyGuild',
  tableName: 'llm_usage_daily_guilds',
  properties: { ...sums, guildId: p.bigint('string').nullable() },
  uniques: [
    {
      name: 'llm_usage_daily_guilds_key',
      expression: 'create unique index "llm_usage_daily_guilds_key" on "llm_usage_daily_guilds" ("day", "guild_id") nulls not distinct',
    },
  ],
});

export type LlmUsageDailyGuild = InferEntity<typeof LlmUsageDailyGuild>;
