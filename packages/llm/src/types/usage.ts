import type { TokenTotals } from '@baseline/core';
/**
 * Usage in disjoint buckets: each token, image, second or character is counted in exactly one field, so
 * each is priced once. Provider adapters derive these from their own usage fields (see
 * `normalize*Usage`); nothing downstream knows provider semantics.
 */
export interface UsageBuckets {
  /** Text input tokens not read from and not written to a cache. */
  inputTokens: number;
  cacheReadTokens: number;
  /** Cache writes at the 5-minute rate (OpenAI and Anthropic default). */
  cacheWrite5mTokens: number;
  /** Cache writes at the 1-hour rate (Anthropic `ephemeral_1h_input_tokens`). */
  cacheWrite1hTokens: number;
  /** Output tokens excluding reasoning. */
  outputTokens: number;
  /** Reasoning ("thinking") tokens, billed at the output or reasoning rate. */
  reasoningTokens: number;
  inputAudioTokens: number;
  outputAudioTokens: number;
  inputImageTokens: number;
  outputImageTokens: number;
  /** Images generated, when a model is priced per image. */
  images: number;
  /** Seconds of input audio (transcription) and output audio (speech). */
  inputSeconds: number;
  outputSeconds: number;
  /** Input characters (per-character speech models). */
  characters: number;
}

export function emptyUsage(): UsageBuckets {
  return {
    inputTokens: 0,
    cacheReadTokens: 0,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    inputAudioTokens: 0,
    outputAudioTokens: 0,
    inputImageTokens: 0,
    outputImageTokens: 0,
    images: 0,
    inputSeconds: 0,
    outputSeconds: 0,
    characters: 0,
  };
}

/** Builds buckets from the fields given; the rest are 0. */
export function usageOf(partial: Partial<UsageBuckets>): UsageBuckets {
  return { ...emptyUsage(), ...partial };
}

/** One call's token totals, as its `llm_usage` row stores them (core's type; see there what each field counts). */
export type { TokenTotals };

export function usageTotals(usage: UsageBuckets): TokenTotals {
  const cacheWriteTokens = usage.cacheWrite5mTokens + usage.cacheWrite1hTokens;
  const promptTokens = usage.inputTokens + usage.cacheReadTokens + cacheWriteTokens + usage.inputAudioTokens + usage.inputImageTokens;
  const completionTokens = usage.outputTokens + usage.reasoningTokens + usage.outputAudioTokens + usage.outputImageTokens;
  return {
    promptTokens,
    completionTokens,
    cacheReadTokens: usage.cacheReadTokens,
    cacheWriteTokens,
    reasoningTokens: usage.reasoningTokens,
    totalTokens: promptTokens + completionTokens,
  };
}
