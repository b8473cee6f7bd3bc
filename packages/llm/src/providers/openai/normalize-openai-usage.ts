import type { FemtoUsd } from '../../money/femto-usd.js';
import { usageOf, type UsageBuckets } from '../../types/usage.js';

/** OpenAI chat / Responses usage fields (both shapes; absent fields count as 0). */
export interface OpenAiUsageFields {
  prompt_tokens?: number;
  completion_tokens?: number;
  input_tokens?: number;
  output_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number; audio_tokens?: number } | null;
  input_tokens_details?: {
    cached_tokens?: number;
    cache_write_tokens?: number;
    cache_write_tokens_details?: { ttl_30m_tokens?: number; ttl_12h_tokens?: number };
  } | null;
  completion_tokens_details?: { reasoning_tokens?: number; audio_tokens?: number } | null;
  output_tokens_details?: { reasoning_tokens?: number } | null;
  /** xAI: what the request cost, in ticks of 1e-10 USD. */
  cost_in_usd_ticks?: number | null;
}

/** One xAI tick (1e-10 USD) in femto-dollars. */
const FEMTO_PER_TICK = 100_000n;

/** The cost a provider reports with its usage (xAI `cost_in_usd_ticks`), or `null` when it reports none. */
export function reportedCost(usage: OpenAiUsageFields | null | undefined): FemtoUsd | null {
  const ticks = usage?.cost_in_usd_ticks;
  return typeof ticks === 'number' && Number.isSafeInteger(ticks) && ticks >= 0 ? BigInt(ticks) * FEMTO_PER_TICK : null;
}

const n = (value: number | undefined | null): number => (typeof value === 'number' && value > 0 ? value : 0);

/**
 * OpenAI: cache reads and writes are subsets of the prompt count; reasoning is a subset of the completion
 * count. xAI: the prompt likewise includes cache reads, but `completion_tokens` EXCLUDES reasoning.
 * Cached counts larger than the prompt (seen from OpenAI-compatible providers) are clamped.
 */
export function normalizeOpenAiUsage(usage: OpenAiUsageFields | null | undefined, flavour: 'openai' | 'xai'): UsageBuckets {
  if (!usage) return usageOf({});
  const prompt = n(usage.prompt_tokens ?? usage.input_tokens);
  const completion = n(usage.completion_tokens ?? usage.output_tokens);
  const inDetails = usage.prompt_tokens_details ?? usage.input_tokens_details ?? {};
  const cacheRead = Math.min(n(inDetails.cached_tokens), prompt);
  const cacheWrite = Math.min(n(inDetails.cache_write_tokens), prompt - cacheRead);
  const ttl = (usage.input_tokens_details?.cache_write_tokens_details ?? {}) as { ttl_30m_tokens?: number; ttl_12h_tokens?: number };
  const longWrite = Math.min(n(ttl.ttl_12h_tokens), cacheWrite);
  const reasoning = n((usage.completion_tokens_details ?? usage.output_tokens_details ?? {}).reasoning_tokens);
  const audioIn = Math.min(n(usage.prompt_tokens_details?.audio_tokens), prompt - cacheRead - cacheWrite);
  const audioOut = n(usage.completion_tokens_details?.audio_tokens);
  const output = flavour === 'xai' ? completion : Math.max(0, completion - reasoning - audioOut);
  return usageOf({
    inputTokens: prompt - cacheRead - cacheWrite - audioIn,
    cacheReadTokens: cacheRead,
    cacheWrite5mTokens: cacheWrite - longWrite,
    cacheWrite1hTokens: longWrite,
    inputAudioTokens: audioIn,
    outputTokens: output,
    outputAudioTokens: flavour === 'xai' ? 0 : Math.min(audioOut, completion),
    reasoningTokens: flavour === 'xai' ? reasoning : Math.min(reasoning, completion),
  });
}
