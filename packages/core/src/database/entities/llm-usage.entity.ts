import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** What kind of call an `llm_usage` row records. */
export type LlmRequestType = 'text' | 'stream' | 'function_call' | 'structured' | 'image' | 'speech' | 'transcription';

/**
 * One LLM call, for cost analytics. `guildId` is deliberately not a foreign key: usage must be recorded even
 * when the guild row is missing. Money (`estimatedCostUsd`) and `units` are decimal strings, never floats.
 */
export const LlmUsage = defineEntity({
  name: 'LlmUsage',
  tableName: 'llm_usage',
  properties: {
    id: p.bigint('string').primary(),
    guildId: p.bigint('string').nullable(),
    userId: p.bigint('string').nullable(),
    cogName: p.string().nullable(),
    provider: p.string(),
    model: p.string(),
    requestType: p.string().$type<LlmRequestType>(),
    status: p.string().$type<'ok' | 'error'>().default('ok'),
    errorCode: p.string().nullable(),
    promptTokens: p.integer(),
    completionTokens: p.integer(),
    cacheReadTokens: p.integer().default(0),
    cacheWriteTokens: p.integer().default(0),
    reasoningTokens: p.integer().default(0),
    totalTokens: p.integer(),
    units: p.decimal('string').nullable(),
    estimatedCostUsd: p.decimal('string').precision(18).scale(10),
    latencyMs: p.integer(),
    pricingId: p.integer().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    metadata: p.json<Record<string, unknown>>().nullable(),
    /** Idempotency key given by the LLM service: a batch written twice is stored once. */
    recordId: p.uuid().nullable(),
  },
  checks: [{ name: 'llm_usage_status_check', expression: `"status" in ('ok', 'error')` }],
  // Keep the daily rollups (`llm-usage-daily.entity.ts`) equal to this table's sums; created with their shared function
  // by migration 0007, which says why. Declared here so the schema check knows them (MikroORM does not read back
  // truncate triggers, so `llm_usage_rollup_truncate` is not listed).
  triggers: (
    [
      ['insert', 'new table as new_rows'],
      ['update', 'old table as old_rows new table as new_rows'],
      ['delete', 'old table as old_rows'],
    ] as const
  ).map(([event, transition]) => ({
    name: `llm_usage_rollup_${event}`,
    timing: 'after' as const,
    events: [event],
    forEach: 'statement' as const,
    expression: `create trigger "llm_usage_rollup_${event}" after ${event} on "llm_usage" referencing ${transition} for each statement execute function "llm_usage_rollup"()`,
  })),
  uniques: [{ name: 'llm_usage_record_id_unique', properties: ['recordId'] }],
  indexes: [
    { name: 'llm_usage_created_at_index', properties: ['createdAt'] },
    { name: 'llm_usage_guild_id_created_at_index', properties: ['guildId', 'createdAt'] },
    { name: 'llm_usage_provider_model_created_at_index', properties: ['provider', 'model', 'createdAt'] },
    { name: 'llm_usage_cog_name_created_at_index', properties: ['cogName', 'createdAt'] },
  ],
});

export type LlmUsage = InferEntity<typeof LlmUsage>;
