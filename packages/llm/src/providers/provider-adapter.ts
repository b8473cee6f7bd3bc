import type { MediaAdapter } from '../media/media-types.js';
import type { ModelCapabilities } from '../capabilities/model-capabilities.js';
import type { JsonSchema } from '../tools/define-tool.js';
import type { LlmFinishReason, LlmMessage, LlmToolCall } from '../types/messages.js';
import type { LlmProvider } from '../types/provider-name.js';
import type { GenerationParams, LlmToolChoice } from '../types/requests.js';
import type { FemtoUsd } from '../money/femto-usd.js';
import type { UsageBuckets } from '../types/usage.js';

/** A text request after defaults, capability filtering and schema conversion: adapters only translate it. */
export interface ProviderTextRequest {
  model: string;
  system: string | undefined;
  messages: LlmMessage[];
  params: GenerationParams;
  capabilities: ModelCapabilities;
  tools: Array<{ name: string; description: string; jsonSchema: JsonSchema }>;
  toolChoice: LlmToolChoice | undefined;
  parallelToolCalls: boolean | undefined;
  /** Native structured output: the schema already in the provider's dialect. */
  responseFormat: { name: string; schema: JsonSchema } | undefined;
  timeoutMs: number;
  signal: AbortSignal;
}

/** A finished text response. */
export interface ProviderTextResponse {
  text: string;
  toolCalls: LlmToolCall[];
  finishReason: LlmFinishReason;
  usage: UsageBuckets;
  /** The provider's usage object as received (stored in metadata). */
  rawUsage: unknown;
  /** The service tier the response reports, for pricing. */
  serviceTier: string | null;
  /** The cost the provider itself reports (xAI `cost_in_usd_ticks`), compared with ours; `null` when none. */
  providerCost: FemtoUsd | null;
  /** The model id the provider reports (may be dated). */
  responseModel: string | undefined;
  /** Provider rendering of the assistant turn for replay (Anthropic blocks). */
  providerContent: unknown;
}

/** Events of a text stream, in order: text deltas, then at most one `end`. */
export type ProviderStreamEvent =
  | { type: 'text'; text: string }
  | { type: 'usage'; usage: UsageBuckets; rawUsage: unknown; serviceTier: string | null; providerCost: FemtoUsd | null }
  | { type: 'end'; finishReason: LlmFinishReason; toolCalls: LlmToolCall[]; responseModel: string | undefined; providerContent: unknown };

/** Speaks one provider's API through its official SDK. */
export interface ProviderAdapter {
  readonly name: LlmProvider;
  complete(request: ProviderTextRequest): Promise<ProviderTextResponse>;
  /**
   * Opens a stream. The returned iterator's first `next()` surfaces connection and HTTP errors, so the
   * caller can retry before any text reached the consumer.
   */
  stream(request: ProviderTextRequest): AsyncIterator<ProviderStreamEvent>;
  /** Images, speech and transcription, where the provider has them (Anthropic has none). */
  readonly media: MediaAdapter;
}

/** Parses tool-call arguments defensively: invalid JSON yields `undefined`, never a throw. */
export function parseArguments(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
