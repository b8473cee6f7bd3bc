import { usageOf, type UsageBuckets } from '../../types/usage.js';

/** Anthropic `usage` (message or the cumulative `message_delta` one). */
export interface AnthropicUsageFields {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: { ephemeral_5m_input_tokens?: number | null; ephemeral_1h_input_tokens?: number | null } | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
  /** Per-iteration usage: `message` and `fallback_message` (sampling) or `compaction` entries. */
  iterations?: Array<AnthropicUsageFields & { type?: string }> | null;
}

const n = (value: number | undefined | null): number => (typeof value === 'number' && value > 0 ? value : 0);

/**
 * Anthropic: `input_tokens` EXCLUDES cache reads and writes (they are separate fields, never added to
 * input a second time); cache writes split into 5-minute and 1-hour buckets (an unsplit total counts as
 * 5-minute); thinking tokens are a subset of `output_tokens`. `usage.iterations` lists every iteration of
 * a server-side loop: the sampling ones (`message`, `fallback_message`) are already inside the top-level
 * counts and are not added again; only `compaction` entries (the summarizing request) are outside them
 * and are added.
 */
export function normalizeAnthropicUsage(usage: AnthropicUsageFields | null | undefined): UsageBuckets {
  if (!usage) return usageOf({});
  const own = single(usage);
  for (const iteration of usage.iterations ?? []) {
    if (iteration.type !== 'compaction') continue;
    const extra = single(iteration);
    for (const key of Object.keys(own) as (keyof UsageBuckets)[]) own[key] += extra[key];
  }
  return own;
}

function single(usage: AnthropicUsageFields): UsageBuckets {
  const write = n(usage.cache_creation_input_tokens);
  const write1h = Math.min(n(usage.cache_creation?.ephemeral_1h_input_tokens), write);
  const output = n(usage.output_tokens);
  const thinking = Math.min(n(usage.output_tokens_details?.thinking_tokens), output);
  return usageOf({
    inputTokens: n(usage.input_tokens),
    cacheReadTokens: n(usage.cache_read_input_tokens),
    cacheWrite5mTokens: write - write1h,
    cacheWrite1hTokens: write1h,
    outputTokens: output - thinking,
    reasoningTokens: thinking,
  });
}
