/** A tool call the model made, with its arguments parsed (and validated when the tool has a schema). */
export interface LlmToolCall {
  /** The provider's call id (`call_…`, `toolu_…`, Gemini's id or a generated one). */
  id: string;
  name: string;
  /** Parsed arguments; `undefined` when `rawArguments` was not valid JSON. */
  arguments: unknown;
  /** Arguments as the provider sent them (JSON text). */
  rawArguments: string;
  /** Why the arguments failed the tool's schema (or were not JSON); absent when valid. */
  error?: string;
  /** Provider data to echo back unchanged in the next turn (Gemini `thoughtSignature`). */
  providerData?: Record<string, unknown>;
}

/** One turn of a conversation, provider-neutral. */
export type LlmMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | {
      role: 'assistant';
      content: string;
      toolCalls?: LlmToolCall[];
      /**
       * The provider's own rendering of this turn (Anthropic content blocks with thinking signatures), replayed
       * unchanged when the next turn goes to the same provider.
       */
      providerData?: { provider: string; content: unknown };
    }
  | { role: 'tool'; toolCallId: string; name: string; content: string; isError?: boolean };

/** Why the model stopped. */
export type LlmFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'refusal' | 'other';
