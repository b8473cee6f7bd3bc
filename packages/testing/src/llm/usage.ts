import type { LlmProvider, LlmUsageInput, LlmUsageSpec } from './replies.js';

/** A usage spec with every bucket filled in. */
export type ResolvedUsage = Required<Omit<LlmUsageSpec, 'costInUsdTicks'>> & Pick<LlmUsageSpec, 'costInUsdTicks'>;

/** Which usage object a route reports. */
export type UsageShape = 'chat' | 'responses' | 'images';

/** Fills a spec's missing buckets: `input`/`output` from the estimates, the others with 0. */
export function resolveUsage(spec: LlmUsageSpec | undefined, estimate: { input: number; output: number }): ResolvedUsage {
  return {
    input: spec?.input ?? estimate.input,
    cacheRead: spec?.cacheRead ?? 0,
    cacheWrite5m: spec?.cacheWrite5m ?? 0,
    cacheWrite1h: spec?.cacheWrite1h ?? 0,
    output: spec?.output ?? estimate.output,
    reasoning: spec?.reasoning ?? 0,
    ...(spec?.costInUsdTicks !== undefined ? { costInUsdTicks: spec.costInUsdTicks } : {}),
  };
}

/** Tokens for `chars` characters of text, the emulators' deterministic estimate (4 chars per token). */
export function estimateTokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}

/** True when the usage input is a verbatim provider object. */
export function isRawUsage(usage: LlmUsageInput | undefined): usage is { raw: Record<string, unknown> } {
  return usage !== undefined && 'raw' in usage;
}

/**
 * The usage object a provider reports for `spec`, in that provider's own semantics (see the README table).
 *
 * @param provider which provider's semantics
 * @param spec disjoint token buckets; missing buckets count 0
 * @param shape `chat` (Chat Completions, Messages, generateContent), `responses` or `images` @default 'chat'
 * @example
 * ```ts
 * toProviderUsage('anthropic', { input: 12, cacheRead: 2048, output: 40 }).cache_read_input_tokens; // 2048
 * ```
 */
export function toProviderUsage(provider: LlmProvider, spec: LlmUsageSpec, shape: UsageShape = 'chat'): Record<string, unknown> {
  const u = resolveUsage(spec, { input: 0, output: 0 });
  const cacheWrite = u.cacheWrite5m + u.cacheWrite1h;
  const prompt = u.input + u.cacheRead + cacheWrite;
  if (shape === 'images') {
    return {
      input_tokens: prompt,
      input_tokens_details: { text_tokens: prompt, image_tokens: 0 },
      output_tokens: u.output,
      total_tokens: prompt + u.output,
    };
  }
  switch (provider) {
    case 'openai':
    case 'xai':
      return shape === 'responses' ? responsesUsage(u, prompt, cacheWrite, provider) : chatUsage(u, prompt, cacheWrite, provider);
    case 'anthropic':
      return {
        input_tokens: u.input,
        cache_creation_input_tokens: cacheWrite,
        cache_read_input_tokens: u.cacheRead,
        cache_creation: { ephemeral_5m_input_tokens: u.cacheWrite5m, ephemeral_1h_input_tokens: u.cacheWrite1h },
        output_tokens: u.output + u.reasoning,
        output_tokens_details: { thinking_tokens: u.reasoning },
        service_tier: 'standard',
        inference_geo: null,
      };
    case 'gemini':
      return {
        promptTokenCount: prompt,
        ...(u.cacheRead > 0 ? { cachedContentTokenCount: u.cacheRead } : {}),
        candidatesTokenCount: u.output,
        ...(u.reasoning > 0 ? { thoughtsTokenCount: u.reasoning } : {}),
        totalTokenCount: prompt + u.output + u.reasoning,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
      };
  }
}

function chatUsage(u: ResolvedUsage, prompt: number, cacheWrite: number, provider: 'openai' | 'xai') {
  // xAI reports reasoning outside completion_tokens; OpenAI counts it inside.
  const completion = provider === 'xai' ? u.output : u.output + u.reasoning;
  const total = provider === 'xai' ? prompt + u.output + u.reasoning : prompt + completion;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: total,
    prompt_tokens_details: {
      cached_tokens: u.cacheRead,
      audio_tokens: 0,
      ...(cacheWrite > 0 ? { cache_write_tokens: cacheWrite } : {}),
      ...(provider === 'xai' ? { text_tokens: prompt, image_tokens: 0 } : {}),
    },
    completion_tokens_details: {
      reasoning_tokens: u.reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
    ...(provider === 'xai' ? { num_sources_used: 0 } : {}),
    ...(provider === 'xai' && u.costInUsdTicks !== undefined ? { cost_in_usd_ticks: u.costInUsdTicks } : {}),
  };
}

function responsesUsage(u: ResolvedUsage, prompt: number, cacheWrite: number, provider: 'openai' | 'xai') {
  const output = provider === 'xai' ? u.output : u.output + u.reasoning;
  return {
    input_tokens: prompt,
    input_tokens_details: {
      cached_tokens: u.cacheRead,
      ...(cacheWrite > 0
        ? {
            cache_write_tokens: cacheWrite,
            cache_write_tokens_details: { ttl_30m_tokens: u.cacheWrite5m, ttl_12h_tokens: u.cacheWrite1h },
          }
        : {}),
    },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: u.reasoning },
    total_tokens: prompt + u.output + u.reasoning,
  };
}
