import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The price of one model from `effectiveFrom` on (until `effectiveTo`, when superseded). Prices are decimal
 * strings in USD; `pricing` keeps the full snapshot entry (tiers, per-size image prices, service tiers).
 */
export const LlmModelPricing = defineEntity({
  name: 'LlmModelPricing',
  tableName: 'llm_model_pricing',
  properties: {
    id: p.integer().primary(),
    provider: p.string(),
    model: p.string(),
    inputCostPer1kTokens: p.decimal('string').precision(20).scale(12).fieldName('input_cost_per_1k_tokens'),
    outputCostPer1kTokens: p.decimal('string').precision(20).scale(12).fieldName('output_cost_per_1k_tokens'),
    /** Price of cache reads. */
    cacheCostPer1kTokens: p.decimal('string').precision(20).scale(12).nullable().fieldName('cache_cost_per_1k_tokens'),
    cacheWriteCostPer1kTokens: p.decimal('string').precision(20).scale(12).nullable().fieldName('cache_write_cost_per_1k_tokens'),
    imageCostPerUnit: p.decimal('string').precision(20).scale(12).nullable(),
    audioCostPerMinute: p.decimal('string').precision(20).scale(12).nullable(),
    pricing: p.json<Record<string, unknown>>().nullable(),
    isActive: p.boolean().default(true),
    effectiveFrom: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    effectiveTo: p.datetime().nullable(),
    source: p.string().nullable(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [
    {
      name: 'llm_model_pricing_provider_model_effective_from_unique',
      properties: ['provider', 'model', 'effectiveFrom'],
    },
  ],
});

export type LlmModelPricing = InferEntity<typeof LlmModelPricing>;
