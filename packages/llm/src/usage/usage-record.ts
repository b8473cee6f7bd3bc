import type { LlmRequestType, LlmUsageInsert } from '@baseline/core';
import type { LlmProvider } from '../types/provider-name.js';

export type { LlmRequestType };

/**
 * One `llm_usage` row, ready to insert: every attempt of every request produces one. Its `recordId` is given by the
 * recorder when absent, so a batch written twice after a lost answer from PostgreSQL is stored once.
 */
export interface UsageRecord extends LlmUsageInsert {
  provider: LlmProvider;
}
