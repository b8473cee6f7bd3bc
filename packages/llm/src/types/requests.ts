import type { LlmToolDefinition } from '../tools/define-tool.js';
import type { LlmMessage } from './messages.js';
import type { LlmProvider } from './provider-name.js';

/** Who a call is for; stored on the usage row and used for budgets. Snowflakes as strings. */
export interface LlmCallContext {
  guildId?: string | null;
  userId?: string | null;
  cogName?: string | null;
  /** Extra JSON stored in `llm_usage.metadata`. */
  metadata?: Record<string, unknown>;
}

/** A provider and, optionally, a model (else the provider's default model). */
export interface LlmTarget {
  provider: LlmProvider;
  model?: string;
}

/**
 * Generation parameters. Parameters the chosen model does not accept (per the capability table) are
 * dropped before sending and listed in the usage row's metadata as `droppedParams`.
 */
export interface GenerationParams {
  temperature?: number;
  topP?: number;
  topK?: number;
  /** Output token limit (mapped to `max_completion_tokens`, `max_tokens` or `maxOutputTokens`). */
  maxTokens?: number;
  stop?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** Reasoning effort on models that take one (`reasoning_effort`, Anthropic `effort`, Gemini `thinkingLevel`). */
  reasoningEffort?: 'none' | 'minimal' | 'low' | 'medium' | 'high';
}

/** Which tool the model must use. */
export type LlmToolChoice = 'auto' | 'none' | 'required' | { name: string };

/** A text request. Give `prompt`, `messages`, or both (the prompt is appended as the last user turn). */
export interface CompleteRequest extends GenerationParams, LlmCallContext {
  /** @default the service's default provider (`LLM_DEFAULT_PROVIDER`) */
  provider?: LlmProvider;
  /** @default the provider's default model */
  model?: string;
  system?: string;
  prompt?: string;
  messages?: LlmMessage[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tools of any argument type
  tools?: readonly LlmToolDefinition<any, any>[];
  toolChoice?: LlmToolChoice;
  /** Allow several tool calls in one turn where the provider has a switch. @default true */
  parallelToolCalls?: boolean;
  /** Tried in order when the primary target fails after its retries; overrides the cog's chain. */
  fallbacks?: LlmTarget[];
  /** Per-attempt timeout in milliseconds. @default the provider's configured timeout */
  timeoutMs?: number;
  signal?: AbortSignal;
}
