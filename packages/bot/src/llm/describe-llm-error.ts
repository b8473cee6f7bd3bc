import { BaselineError } from '@baseline/core';
import { LLM_ERROR_CODES } from '@baseline/llm';

/** What users read when an LLM call fails. */
export interface LlmErrorMessages {
  /** The guild or user spent its budget; `resetsAt` is when it starts again. */
  budget(scope: 'guild' | 'user', period: 'day' | 'month', resetsAt: Date | undefined): string;
  /** The guild's `llm` settings refuse the request; `reason` is the service's explanation. */
  notAllowed(reason: string): string;
  /** Any other failure, with the correlation id to find it in the logs. */
  failed(correlationId: string): string;
}

export const DEFAULT_LLM_ERROR_MESSAGES: LlmErrorMessages = {
  budget: (scope, period, resetsAt) =>
    `${scope === 'guild' ? 'This server' : 'You'} reached the ${period === 'day' ? 'daily' : 'monthly'} AI budget.` +
    (resetsAt === undefined ? '' : ` It resets <t:${Math.floor(resetsAt.getTime() / 1000)}:R>.`),
  notAllowed: (reason) => `Not allowed here: ${reason}.`,
  failed: (correlationId) => `The AI could not answer this time. Reference: \`${correlationId}\``,
};

/**
 * The short message a user reads for an LLM failure: the budget with when it resets
 * (`BL_ERR_LLM_BUDGET_EXCEEDED`), the guild's refusal (`BL_ERR_LLM_NOT_ALLOWED`), or a reference otherwise.
 */
export function describeLlmError(error: unknown, correlationId: string, messages: Partial<LlmErrorMessages> = {}): string {
  const texts = { ...DEFAULT_LLM_ERROR_MESSAGES, ...messages };
  if (error instanceof BaselineError && error.code === LLM_ERROR_CODES.budgetExceeded) {
    const details = error.details ?? {};
    const resetsAt = typeof details['resetsAt'] === 'string' ? new Date(details['resetsAt']) : undefined;
    return texts.budget(details['scope'] === 'user' ? 'user' : 'guild', details['period'] === 'month' ? 'month' : 'day', resetsAt);
  }
  if (error instanceof BaselineError && error.code === LLM_ERROR_CODES.notAllowed) return texts.notAllowed(error.message);
  return texts.failed(correlationId);
}
