import { describe, expect, it } from 'vitest';
import { applyGuildPolicy, llmSettings, LlmNotAllowedError, type LlmGuildSettings } from '../../src/index.js';

const defaults = (provider: 'openai' | 'anthropic' | 'gemini' | 'xai' | undefined) =>
  ({ provider: provider ?? 'openai', model: provider === 'anthropic' ? 'claude-sonnet-4-6' : 'gpt-5.4-mini' }) as const;
const settings = (patch: Partial<LlmGuildSettings>): LlmGuildSettings => ({ ...llmSettings.defaults, ...patch });

describe('applyGuildPolicy', () => {
  it('GIVEN the default settings THEN any target passes unchanged', () => {
    expect(applyGuildPolicy(settings({}), { provider: 'xai', model: 'grok-4.3' }, defaults)).toEqual({ provider: 'xai', model: 'grok-4.3' });
  });

  it('GIVEN AI turned off THEN every request is refused with BL_ERR_LLM_NOT_ALLOWED', () => {
    const refuse = () => applyGuildPolicy(settings({ enabled: false }), {}, defaults);
    expect(refuse).toThrow(LlmNotAllowedError);
    expect(refuse).toThrow(expect.objectContaining({ code: 'BL_ERR_LLM_NOT_ALLOWED', reason: 'disabled' }));
  });

  it('GIVEN allowed providers THEN another provider is refused, also when it is the service default', () => {
    const policy = settings({ allowedProviders: ['anthropic'] });
    expect(() => applyGuildPolicy(policy, { provider: 'openai' }, defaults)).toThrow(expect.objectContaining({ reason: 'provider' }));
    expect(() => applyGuildPolicy(policy, {}, defaults)).toThrow(expect.objectContaining({ reason: 'provider' }));
    expect(applyGuildPolicy(policy, { provider: 'anthropic' }, defaults)).toEqual({ provider: 'anthropic' });
  });

  it('GIVEN allowed models THEN the provider default counts as its model and others are refused', () => {
    const policy = settings({ allowedModels: ['openai:gpt-5.4-mini'] });
    expect(applyGuildPolicy(policy, { provider: 'openai' }, defaults)).toEqual({ provider: 'openai' });
    expect(() => applyGuildPolicy(policy, { provider: 'openai', model: 'gpt-5.4' }, defaults)).toThrow(
      expect.objectContaining({ reason: 'model', model: 'gpt-5.4' }),
    );
  });

  it('GIVEN a guild default model THEN a request naming none uses it', () => {
    expect(applyGuildPolicy(settings({ defaultModel: 'anthropic:claude-haiku-4-5' }), {}, defaults)).toEqual({
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
    });
  });

  it('GIVEN settings input THEN models must read provider:model and budgets must be dollar amounts', () => {
    expect(llmSettings.schema.safeParse({ allowedModels: ['gpt-5.4'] }).success).toBe(false);
    expect(llmSettings.schema.safeParse({ allowedModels: ['openai:gpt-5.4'], dailyBudgetUsd: '1.50' }).success).toBe(true);
    expect(llmSettings.schema.safeParse({ dailyBudgetUsd: '-1' }).success).toBe(false);
    expect(llmSettings.schema.safeParse({ monthlyBudgetUsd: '1e3' }).success).toBe(false);
  });
});
