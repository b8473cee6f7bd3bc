import type { LlmProvider } from '../types/provider-name.js';

/** What kind of call a usage row records (`llm_usage.request_type`). */
export type LlmRequestType = 'text' | 'stream' | 'function_call' | 'structured' | 'image' | 'speech' | 'transcription';

/** One `llm_usage` row, ready to insert: every attempt of every request produces one. */
export interface UsageRecord {
  /**
   * Idempotency key of the row (`llm_usage.record_id`), given by the recorder when absent: a batch written twice
   * after a lost answer from PostgreSQL is stored once.
   */
  recordId?: string;
  guildId: string | null;
  userId: string | null;
  cogName: string | null;
  provider: LlmProvider;
  model: string;
  requestType: LlmRequestType;
  status: 'ok' | 'error';
  /** `BL_ERR_LLM_*` code of a failed attempt. */
  errorCode: string | null;
  promptTokens: number;
  completionTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  /** Non-token quantity billed (images, seconds, characters), as a decimal string. */
  units: string | null;
  /** USD with 10 decimals, e.g. `"0.0145000000"`. */
  costUsd: string;
  latencyMs: number;
  pricingId: string | null;
  createdAt: Date;
  metadata: Record<string, unknown>;
}
