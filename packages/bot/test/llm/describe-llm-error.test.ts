import { LlmBudgetExceededError, LlmInvalidRequestError, LlmNotAllowedError } from '@baseline/llm';
import { describe, expect, it } from 'vitest';
import { describeLlmError } from '../../src/index.js';

// What a user reads for each LLM failure, from the errors @baseline/llm throws.
describe('describeLlmError', () => {
  const resetsAt = '2030-01-02T00:00:00.000Z';
  const budget = (details: Record<string, unknown>) => new LlmBudgetExceededError('budget reached', { details });

  it('GIVEN a user’s monthly budget THEN the message speaks to the user about the month and when it resets', () => {
    expect(describeLlmError(budget({ scope: 'user', period: 'month', resetsAt }), 'ref')).toBe(
      `You reached the monthly AI budget. It resets <t:${Date.parse(resetsAt) / 1000}:R>.`,
    );
  });

  it('GIVEN a budget error without a scope, period or reset time THEN it reads as the server’s daily budget, without a time', () => {
    expect(describeLlmError(budget({}), 'ref')).toBe('This server reached the daily AI budget.');
    expect(describeLlmError(new LlmBudgetExceededError('budget reached'), 'ref')).toBe('This server reached the daily AI budget.');
  });

  it('GIVEN a refusal by the guild’s settings THEN the reason is shown; GIVEN another failure or a plain Error THEN only the reference', () => {
    expect(describeLlmError(new LlmNotAllowedError('model x is not allowed in this server', { details: { reason: 'model' } }), 'ref')).toBe(
      'Not allowed here: model x is not allowed in this server.',
    );
    expect(describeLlmError(new LlmInvalidRequestError('400'), 'abc-123')).toBe('The AI could not answer this time. Reference: `abc-123`');
    expect(describeLlmError(new Error('socket hang up'), 'abc-123')).toBe('The AI could not answer this time. Reference: `abc-123`');
  });

  it('GIVEN messages of the cog THEN they replace the defaults they name and the rest stay', () => {
    const messages = { budget: (scope: 'guild' | 'user', period: 'day' | 'month') => `${scope}/${period} spent` };
    expect(describeLlmError(budget({ scope: 'user', period: 'day' }), 'ref', messages)).toBe('user/day spent');
    expect(describeLlmError(new Error('x'), 'ref', messages)).toBe('The AI could not answer this time. Reference: `ref`');
  });
});
