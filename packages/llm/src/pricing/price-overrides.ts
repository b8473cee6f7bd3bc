import type { LlmProvider } from '../types/provider-name.js';
import type { PriceEntry } from './model-rates.js';

/** A dated price that corrects or extends the snapshot (USD per token unless the key says otherwise). */
export interface PriceOverride {
  provider: LlmProvider;
  model: string;
  /** Start of the period, `YYYY-MM-DD` UTC. */
  effectiveFrom: string;
  /** Exclusive end, `YYYY-MM-DD` UTC; absent while in force. */
  effectiveTo?: string;
  /** Keep the snapshot entry's other fields and change only these. */
  extends?: boolean;
  entry: PriceEntry;
  source: string;
}

/**
 * Corrections and additions checked against provider pages (see the LLM provider reference, §9–10).
 * Listed in time order per model: a later override of the same model ends the earlier one.
 */
export const PRICE_OVERRIDES: readonly PriceOverride[] = [
  // The snapshot's gpt-4o-mini-tts input rate ($2.50/M) is wrong; OpenAI lists $0.60/M text input.
  {
    provider: 'openai',
    model: 'gpt-4o-mini-tts',
    effectiveFrom: '2026-07-24',
    extends: true,
    entry: { input_cost_per_token: 6e-7 },
    source: 'openai-model-page',
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-5-5',
    effectiveFrom: '2026-07-24',
    effectiveTo: '2026-10-07',
    entry: anthropic(2e-6, 1e-5, 2e-7, 2.5e-6, 4e-6),
    source: 'anthropic-model-page',
  },
  // Cache reads dropped from $0.20 to $0.10 per M on 2026-10-07.
  {
    provider: 'anthropic',
    model: 'claude-sonnet-5-5',
    effectiveFrom: '2026-10-07',
    entry: anthropic(2e-6, 1e-5, 1e-7, 2.5e-6, 4e-6),
    source: 'anthropic-model-page',
  },
  {
    provider: 'anthropic',
    model: 'claude-opus-5-5',
    effectiveFrom: '2026-07-24',
    entry: anthropic(4e-6, 2e-5, 2e-7, 5e-6, 8e-6),
    source: 'anthropic-model-page',
  },
  {
    provider: 'anthropic',
    model: 'claude-fable-5-1',
    effectiveFrom: '2026-07-24',
    entry: anthropic(1e-5, 5e-5, 2.5e-7, 1.25e-5, 2e-5),
    source: 'anthropic-model-page',
  },
  {
    provider: 'anthropic',
    model: 'claude-haiku-5-5',
    effectiveFrom: '2026-07-24',
    entry: {
      ...anthropic(1e-7, 5e-7, 1e-8, 1.25e-7, 2e-7),
      input_cost_per_token_above_100k_tokens: 5e-7,
      output_cost_per_token_above_100k_tokens: 2.5e-6,
      cache_read_input_token_cost_above_100k_tokens: 5e-8,
      cache_creation_input_token_cost_above_100k_tokens: 6.25e-7,
      cache_creation_input_token_cost_above_1hr_above_100k_tokens: 1e-6,
    },
    source: 'anthropic-model-page',
  },
  {
    provider: 'xai',
    model: 'grok-4.7',
    effectiveFrom: '2026-07-24',
    entry: {
      mode: 'chat',
      input_cost_per_token: 2e-6,
      cache_read_input_token_cost: 5e-7,
      output_cost_per_token: 6e-6,
      input_cost_per_token_above_200k_tokens: 4e-6,
      cache_read_input_token_cost_above_200k_tokens: 1e-6,
      output_cost_per_token_above_200k_tokens: 1.2e-5,
    },
    source: 'xai-docs',
  },
  {
    provider: 'xai',
    model: 'grok-imagine-image',
    effectiveFrom: '2026-07-24',
    entry: { mode: 'image_generation', output_cost_per_image: 0.02 },
    source: 'xai-reseller-list-price',
  },
  {
    provider: 'xai',
    model: 'grok-imagine-image-quality',
    effectiveFrom: '2026-07-24',
    entry: { mode: 'image_generation', output_cost_per_image: 0.05 },
    source: 'xai-reseller-list-price',
  },
  // xAI's /v1/tts has no model field; the service records it as model "tts".
  { provider: 'xai', model: 'tts', effectiveFrom: '2026-07-24', entry: { mode: 'audio_speech', input_cost_per_character: 1.5e-5 }, source: 'xai-docs' },
];

function anthropic(input: number, output: number, cacheRead: number, write5m: number, write1h: number): PriceEntry {
  return {
    mode: 'chat',
    input_cost_per_token: input,
    output_cost_per_token: output,
    cache_read_input_token_cost: cacheRead,
    cache_creation_input_token_cost: write5m,
    cache_creation_input_token_cost_above_1hr: write1h,
  };
}
