import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/money/femto-usd.js';
import { computeCost } from '../../src/pricing/compute-cost.js';
import { PricingCatalog } from '../../src/pricing/pricing-catalog.js';
import { ratesFromEntry } from '../../src/pricing/model-rates.js';
import { snapshotPricingRecords } from '../../src/pricing/snapshot-pricing.js';
import { normalizeAnthropicUsage } from '../../src/providers/anthropic/normalize-anthropic-usage.js';
import { normalizeGeminiUsage } from '../../src/providers/gemini/normalize-gemini-usage.js';
import { normalizeOpenAiUsage } from '../../src/providers/openai/normalize-openai-usage.js';
import type { LlmProvider } from '../../src/types/provider-name.js';
import { usageOf, usageTotals, type UsageBuckets } from '../../src/types/usage.js';

const catalog = new PricingCatalog(snapshotPricingRecords());

function cost(provider: LlmProvider, model: string, usage: UsageBuckets, serviceTier?: string, at?: Date): string {
  const record = catalog.find(provider, model, at);
  if (!record) throw new Error(`no price for ${provider}/${model}`);
  return formatUsd(computeCost(usage, record.rates, { serviceTier }).total);
}

describe('cost from provider usage fields', () => {
  it('GIVEN OpenAI usage with cached and reasoning subsets THEN reasoning is not added twice ($0.0145)', () => {
    // 2 000 × 2.5e-6 + 8 000 × 2.5e-7 + 500 × 1.5e-5 = 0.005 + 0.002 + 0.0075
    const usage = normalizeOpenAiUsage(
      { prompt_tokens: 10_000, completion_tokens: 500, prompt_tokens_details: { cached_tokens: 8_000 }, completion_tokens_details: { reasoning_tokens: 300 } },
      'openai',
    );
    expect(cost('openai', 'gpt-5.4', usage)).toBe('0.0145000000');
    expect(usageTotals(usage)).toMatchObject({ promptTokens: 10_000, completionTokens: 500, reasoningTokens: 300, totalTokens: 10_500 });
  });

  it('GIVEN OpenAI usage with cache writes THEN writes are priced at the write rate and removed from input', () => {
    // gpt-5.6-luna: 2 000 × 1e-6 + 6 000 × 1e-7 + 2 000 × 1.25e-6 + 800 × 6e-6 = 0.002 + 0.0006 + 0.0025 + 0.0048
    const usage = normalizeOpenAiUsage(
      {
        prompt_tokens: 10_000,
        completion_tokens: 800,
        prompt_tokens_details: { cached_tokens: 6_000, cache_write_tokens: 2_000 },
        completion_tokens_details: { reasoning_tokens: 500 },
      },
      'openai',
    );
    expect(cost('openai', 'gpt-5.6-luna-2026-05-01', usage)).toBe('0.0099000000');
    expect(usageTotals(usage)).toMatchObject({ promptTokens: 10_000, cacheWriteTokens: 2_000, cacheReadTokens: 6_000 });
  });

  it('GIVEN Anthropic usage THEN cache tokens are outside input and priced once each ($0.01605)', () => {
    // 50 × 3e-6 + 2 000 × 3.75e-6 + 8 000 × 3e-7 + 400 × 1.5e-5
    const usage = normalizeAnthropicUsage({ input_tokens: 50, cache_creation_input_tokens: 2_000, cache_read_input_tokens: 8_000, output_tokens: 400 });
    expect(cost('anthropic', 'claude-sonnet-4-6', usage)).toBe('0.0160500000');
    expect(usageTotals(usage).promptTokens).toBe(10_050);
  });

  it('GIVEN Anthropic 1-hour cache writes and thinking THEN each bucket has its own rate', () => {
    // 100 × 3e-6 + 1 000 × 3.75e-6 + 2 000 × 6e-6 + 5 000 × 3e-7 + 600 × 1.5e-5
    // = 0.0003 + 0.00375 + 0.012 + 0.0015 + 0.009 = 0.02655
    const usage = normalizeAnthropicUsage({
      input_tokens: 100,
      cache_creation_input_tokens: 3_000,
      cache_creation: { ephemeral_5m_input_tokens: 1_000, ephemeral_1h_input_tokens: 2_000 },
      cache_read_input_tokens: 5_000,
      output_tokens: 600,
      output_tokens_details: { thinking_tokens: 200 },
    });
    expect(cost('anthropic', 'claude-sonnet-4-6', usage)).toBe('0.0265500000');
    expect(usageTotals(usage)).toMatchObject({ promptTokens: 8_100, completionTokens: 600, reasoningTokens: 200 });
  });

  it('GIVEN Gemini usage THEN thoughts are added at the output rate ($0.00284)', () => {
    // 2 000 × 3e-7 + 8 000 × 3e-8 + (500 + 300) × 2.5e-6
    const usage = normalizeGeminiUsage({ promptTokenCount: 10_000, cachedContentTokenCount: 8_000, candidatesTokenCount: 500, thoughtsTokenCount: 300 });
    expect(cost('gemini', 'gemini-2.5-flash', usage)).toBe('0.0028400000');
    expect(usageTotals(usage).completionTokens).toBe(800);
  });

  it('GIVEN xAI usage THEN reasoning outside completion_tokens is billed (465 µUSD)', () => {
    // 100 × 1.25e-6 + 200 × 2e-7 + (20 + 100) × 2.5e-6 = 0.000125 + 0.00004 + 0.0003
    const usage = normalizeOpenAiUsage(
      { prompt_tokens: 300, completion_tokens: 20, prompt_tokens_details: { cached_tokens: 200 }, completion_tokens_details: { reasoning_tokens: 100 } },
      'xai',
    );
    expect(cost('xai', 'grok-4.3', usage)).toBe('0.0004650000');
    expect(usageTotals(usage).totalTokens).toBe(420);
  });

  it('GIVEN a prompt above 272k tokens THEN the long-context rates apply to the whole request', () => {
    // 200 000 × 5e-6 + 100 000 × 5e-7 + 1 000 × 2.25e-5 = 1 + 0.05 + 0.0225
    const usage = normalizeOpenAiUsage({ prompt_tokens: 300_000, completion_tokens: 1_000, prompt_tokens_details: { cached_tokens: 100_000 } }, 'openai');
    expect(cost('openai', 'gpt-5.4', usage)).toBe('1.0725000000');
  });

  it('GIVEN a priority service tier reported THEN priority rates apply', () => {
    // gpt-5.4 priority: 1 000 × 5e-6 + 100 × 3e-5
    const usage = normalizeOpenAiUsage({ prompt_tokens: 1_000, completion_tokens: 100 }, 'openai');
    expect(cost('openai', 'gpt-5.4', usage, 'priority')).toBe('0.0080000000');
  });

  it('GIVEN a dated price change THEN a request is priced by the row in force when it was made', () => {
    const usage = normalizeAnthropicUsage({ input_tokens: 0, cache_read_input_tokens: 1_000_000, output_tokens: 0 });
    expect(cost('anthropic', 'claude-sonnet-5-5', usage, undefined, new Date('2026-10-06T12:00:00Z'))).toBe('0.2000000000');
    expect(cost('anthropic', 'claude-sonnet-5-5', usage, undefined, new Date('2026-10-08T00:00:00Z'))).toBe('0.1000000000');
  });

  it('GIVEN the corrected gpt-4o-mini-tts row THEN its input rate is $0.60 per million', () => {
    expect(catalog.find('openai', 'gpt-4o-mini-tts')?.rates.input).toBe(600_000_000n);
  });

  it('GIVEN xAI dated model ids THEN they find the snapshot rows', () => {
    expect(catalog.find('xai', 'grok-4.20-reasoning')?.model).toBe('grok-4.20-0309-reasoning');
    expect(catalog.find('xai', 'grok-4.20-non-reasoning')?.model).toBe('grok-4.20-beta-0309-non-reasoning');
  });

  it('GIVEN Anthropic usage.iterations THEN sampling iterations are not counted twice and compaction is added', () => {
    // claude-haiku-4-5 ($1 in / $5 out per M). The two `message` iterations are inside the top-level 100 / 50;
    // the compaction (1 000 in / 200 out) is outside: (100 + 1 000) × 1e-6 + (50 + 200) × 5e-6 = 0.0011 + 0.00125
    const usage = normalizeAnthropicUsage({
      input_tokens: 100,
      output_tokens: 50,
      iterations: [
        { type: 'message', input_tokens: 60, output_tokens: 20 },
        { type: 'message', input_tokens: 40, output_tokens: 30 },
        { type: 'compaction', input_tokens: 1_000, output_tokens: 200 },
      ],
    });
    expect(cost('anthropic', 'claude-haiku-4-5', usage)).toBe('0.0023500000');
    expect(usageTotals(usage)).toMatchObject({ promptTokens: 1_100, completionTokens: 250 });
  });

  it('GIVEN a model with its own reasoning price on the priority tier THEN reasoning is billed at the priority rate', () => {
    // gemini-3.6-flash priority: in 2.7e-6, out 1.35e-5 (1.8 × 7.5e-6); reasoning 7.5e-6 × 1.8 = 1.35e-5.
    // 1 000 × 2.7e-6 + 100 × 1.35e-5 + 200 × 1.35e-5 = 0.0027 + 0.00135 + 0.0027
    const usage = normalizeGeminiUsage({ promptTokenCount: 1_000, candidatesTokenCount: 100, thoughtsTokenCount: 200 });
    expect(cost('gemini', 'gemini-3.6-flash', usage, 'priority')).toBe('0.0067500000');
    // Standard tier: 1 000 × 1.5e-6 + (100 + 200) × 7.5e-6 = 0.0015 + 0.00225
    expect(cost('gemini', 'gemini-3.6-flash', usage)).toBe('0.0037500000');
  });

  it('GIVEN a model with its own reasoning price above its long-context threshold THEN reasoning follows the tier', () => {
    // Reasoning 4e-6 like output; above 200k output doubles to 8e-6, so does reasoning.
    // 250 000 × 2e-6 + 100 × 8e-6 + 1 000 × 8e-6 = 0.5 + 0.0008 + 0.008
    const rates = ratesFromEntry({
      input_cost_per_token: 1e-6,
      output_cost_per_token: 4e-6,
      output_cost_per_reasoning_token: 4e-6,
      input_cost_per_token_above_200k_tokens: 2e-6,
      output_cost_per_token_above_200k_tokens: 8e-6,
    });
    const usage = normalizeGeminiUsage({ promptTokenCount: 250_000, candidatesTokenCount: 100, thoughtsTokenCount: 1_000 });
    expect(formatUsd(computeCost(usage, rates).total)).toBe('0.5088000000');
  });

  it('GIVEN a tier with its own reasoning price THEN that price wins over scaling', () => {
    // 1 000 reasoning × 3e-6 (the entry's flex reasoning price), not × 4e-6 × (2e-6 / 4e-6) = 2e-6
    const rates = ratesFromEntry({
      input_cost_per_token: 1e-6,
      output_cost_per_token: 4e-6,
      output_cost_per_reasoning_token: 4e-6,
      input_cost_per_token_flex: 5e-7,
      output_cost_per_token_flex: 2e-6,
      output_cost_per_reasoning_token_flex: 3e-6,
    });
    expect(formatUsd(computeCost(normalizeGeminiUsage({ thoughtsTokenCount: 1_000 }), rates, { serviceTier: 'flex' }).total)).toBe('0.0030000000');
  });

  it('GIVEN a bucket the model has no price for and fallback rates THEN it is charged at them and listed as estimated', () => {
    // grok-4.3 prices tokens but not audio seconds; fallback $0.0001/s: 100 × 1.25e-6 + 10 × 1e-4 = 0.000125 + 0.001
    const rates = catalog.find('xai', 'grok-4.3')!.rates;
    const usage = usageOf({ inputTokens: 100, inputSeconds: 10 });
    const fallback = { ...rates, perInputSecond: 100_000_000_000n };
    expect(computeCost(usage, rates, { fallback })).toMatchObject({ unpriced: [], estimated: ['input_seconds'] });
    expect(formatUsd(computeCost(usage, rates, { fallback }).total)).toBe('0.0011250000');
    // Without fallback rates the seconds are left out and reported: 100 × 1.25e-6
    expect(computeCost(usage, rates)).toMatchObject({ unpriced: ['input_seconds'], estimated: [] });
    expect(formatUsd(computeCost(usage, rates).total)).toBe('0.0001250000');
  });
});
