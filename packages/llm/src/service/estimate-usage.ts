import type { MediaRequestBase } from '../media/media-types.js';
import type { LlmMessage } from '../types/messages.js';
import type { CompleteRequest } from '../types/requests.js';
import { usageOf, type UsageBuckets } from '../types/usage.js';
import type { ResolvedTarget } from './resolve-target.js';

/** Output tokens a budget estimate assumes when a request sets no `maxTokens` and its provider no default. */
export const DEFAULT_OUTPUT_ESTIMATE_TOKENS = 4096;

/** Characters / 4, rounded up: the usual rough token count of text. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/**
 * What a text request may use, for its budget reservation: the prompt (messages, system prompt and tool
 * schemas) at 4 characters per token, and the most output it may produce: `maxTokens`, else the largest
 * `defaultMaxTokens` of the chain, else {@link DEFAULT_OUTPUT_ESTIMATE_TOKENS}.
 */
export function textUsageEstimate(request: CompleteRequest, messages: readonly LlmMessage[], chain: readonly ResolvedTarget[]): UsageBuckets {
  const tools = request.tools?.map((t) => ({ name: t.name, description: t.description, schema: t.jsonSchema })) ?? [];
  const chars = JSON.stringify(messages).length + (request.system?.length ?? 0) + (tools.length ? JSON.stringify(tools).length : 0);
  const defaults = chain.map((t) => t.config.defaultMaxTokens ?? 0);
  const output = request.maxTokens ?? (Math.max(0, ...defaults) || DEFAULT_OUTPUT_ESTIMATE_TOKENS);
  return usageOf({ inputTokens: estimateTokens(chars), outputTokens: output });
}

/** What a media request may use: its text as tokens and characters, and the images it asks for. */
export function mediaUsageEstimate(request: MediaRequestBase & { prompt?: string; text?: string; n?: number }, requestType: string): UsageBuckets {
  const text = request.text ?? request.prompt ?? '';
  return usageOf({
    inputTokens: estimateTokens(text.length),
    characters: request.text?.length ?? 0,
    images: requestType === 'image' ? (request.n ?? 1) : 0,
  });
}
