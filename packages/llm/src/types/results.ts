import type { AttemptSummary } from '../service/run-with-fallbacks.js';
import type { LlmFinishReason, LlmMessage, LlmToolCall } from './messages.js';
import type { LlmProvider } from './provider-name.js';
import type { TokenTotals } from './usage.js';

/** What every request returns about where it ran and what it cost. */
export interface LlmCallInfo {
  /** The provider and model that answered (after any fallback). */
  provider: LlmProvider;
  model: string;
  usage: TokenTotals;
  /** USD with 10 decimals, as stored in `llm_usage.estimated_cost_usd`. */
  costUsd: string;
  latencyMs: number;
  /** Every attempt, failed ones included, in order. */
  attempts: AttemptSummary[];
}

/** The answer to `complete()` (and the final value of a stream). */
export interface CompletionResult extends LlmCallInfo {
  text: string;
  toolCalls: LlmToolCall[];
  finishReason: LlmFinishReason;
  /** The model id the provider reported (may be dated). */
  responseModel: string | undefined;
  /**
   * Streams only: the consumer stopped reading before the end (its usage row carries `metadata.stoppedEarly`,
   * and `usageEstimated` when the connection was closed).
   */
  stoppedEarly?: true;
  /** The assistant turn, to append to `messages` for the next turn. */
  message: Extract<LlmMessage, { role: 'assistant' }>;
}
