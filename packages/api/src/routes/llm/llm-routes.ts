import { appendAuditLog, LLM_PRICING_VERSION_KEY, LLM_PROVIDERS, summarizeUsage, type UsageFilter } from '@baseline/core';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { dateInput, decimalString, snowflake, text, timestamp } from '../../http/schemas.js';
import { changePrice, currentPrices } from '../../llm/model-pricing.js';

const DAY_MS = 86_400_000;

const rangeQuery = z.object({
  from: dateInput.optional().describe('Start (inclusive); default 30 days before `to`'),
  to: dateInput.optional().describe('End (exclusive); default now'),
  granularity: z.enum(['day', 'week', 'month']).default('day'),
  provider: text(32).optional(),
  model: text(128).optional(),
});

const totalsSchema = z.object({
  requests: z.number().int(),
  errors: z.number().int(),
  prompt_tokens: z.string(),
  completion_tokens: z.string(),
  total_tokens: z.string(),
  cost_usd: z.string().describe('USD as a decimal string'),
});

const summarySchema = z
  .object({
    from: timestamp,
    to: timestamp,
    granularity: z.enum(['day', 'week', 'month']),
    totals: totalsSchema,
    by_model: z.array(totalsSchema.extend({ provider: z.string(), model: z.string() })),
    by_period: z.array(totalsSchema.extend({ period: timestamp, provider: z.string(), model: z.string() })),
  })
  .meta({ id: 'UsageSummary' });

function filterOf(query: z.infer<typeof rangeQuery>, extra: Partial<UsageFilter> = {}): UsageFilter {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to)
    throw new ApiError(API_ERROR_CODES.invalidRequest, 'invalid query', { status: 400, fields: [{ path: 'query.from', message: 'must be before `to`' }] });
  return { from, to, granularity: query.granularity, provider: query.provider, model: query.model, ...extra };
}

export const usageSummaryRoute = defineRoute({
  method: 'GET',
  url: '/llm/usage/summary',
  summary: 'LLM usage and cost by provider, model and period (developer team)',
  tags: ['llm'],
  access: 'developer',
  query: rangeQuery,
  responses: { 200: summarySchema },
  handler: async ({ api, query }) => summarizeUsage(api.services.db, filterOf(query)),
});

export const usageByGuildRoute = defineRoute({
  method: 'GET',
  url: '/llm/usage/by-guild/:guild_id',
  summary: "One guild's LLM usage and cost (developer team)",
  tags: ['llm'],
  access: 'developer',
  params: z.object({ guild_id: snowflake }),
  query: rangeQuery,
  responses: { 200: summarySchema },
  handler: async ({ api, params, query }) => summarizeUsage(api.services.db, filterOf(query, { guildId: params.guild_id })),
});

export const usageByCogRoute = defineRoute({
  method: 'GET',
  url: '/llm/usage/by-cog/:cog_name',
  summary: "One cog's LLM usage and cost (developer team)",
  tags: ['llm'],
  access: 'developer',
  params: z.object({ cog_name: text(100, 1) }),
  query: rangeQuery,
  responses: { 200: summarySchema },
  handler: async ({ api, params, query }) => summarizeUsage(api.services.db, filterOf(query, { cogName: params.cog_name })),
});

const priceSchema = z
  .object({
    provider: z.string(),
    model: z.string(),
    input_cost_per_1k_tokens: z.string(),
    output_cost_per_1k_tokens: z.string(),
    cache_cost_per_1k_tokens: z.string().nullable(),
    cache_write_cost_per_1k_tokens: z.string().nullable(),
    image_cost_per_unit: z.string().nullable(),
    audio_cost_per_minute: z.string().nullable(),
    effective_from: timestamp,
    source: z.string().nullable(),
  })
  .meta({ id: 'ModelPrice' });

export const listModelsRoute = defineRoute({
  method: 'GET',
  url: '/llm/models',
  summary: 'Every priced model with the price in force now (developer team)',
  tags: ['llm'],
  access: 'developer',
  responses: { 200: z.object({ models: z.array(priceSchema) }) },
  handler: async ({ api }) => ({ models: await currentPrices(api.services.db) }),
});

export const putPricingRoute = defineRoute({
  method: 'PUT',
  url: '/llm/models/:provider/:model/pricing',
  summary: "Change a model's price from now on (developer team; audited)",
  description: 'The current price period is closed and a new one starts now; past usage keeps the price it was recorded with.',
  tags: ['llm'],
  access: 'developer',
  params: z.object({
    provider: z.enum(LLM_PROVIDERS),
    model: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be a model name'),
  }),
  body: z.object({
    input_cost_per_1k_tokens: decimalString,
    output_cost_per_1k_tokens: decimalString,
    cache_cost_per_1k_tokens: decimalString.nullable().optional(),
    cache_write_cost_per_1k_tokens: decimalString.nullable().optional(),
    image_cost_per_unit: decimalString.nullable().optional(),
    audio_cost_per_minute: decimalString.nullable().optional(),
  }),
  responses: { 200: priceSchema },
  async handler({ api, params, body, caller }) {
    const { db, kv } = api.services;
    return kv.withLock(
      `pricing:${params.provider}:${params.model}`,
      10_000,
      async () => {
        const [before] = await currentPrices(db, params);
        const after = await changePrice(db, params.provider, params.model, body);
        await appendAuditLog(db, {
          guildId: null,
          actorUserId: caller.userId,
          action: 'pricing.update',
          target: `${params.provider}/${params.model}`,
          before: before ?? null,
          after,
        });
        // LLM services reload their prices when this moves, so the next request is billed at the new price.
        await kv.incr(LLM_PRICING_VERSION_KEY);
        return after;
      },
      { waitMs: 5_000 },
    );
  },
});
