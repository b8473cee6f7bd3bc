import { loadConfig } from '@baseline/core';
import { createLlmEmulators, llmFault, type LlmEmulators } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmServiceFromConfig, LLM_ERROR_CODES } from '../../src/index.js';

let emulators: LlmEmulators;
beforeAll(async () => {
  emulators = await createLlmEmulators();
});
afterAll(() => emulators.close());
beforeEach(() => {
  for (const emulator of [emulators.openai, emulators.anthropic, emulators.gemini, emulators.xai]) emulator.reset();
});

/** Baseline's configuration with OpenAI and Gemini keys and base URLs pointing at the emulators, plus `env`. */
function configWith(env: Record<string, string> = {}) {
  return loadConfig({
    env: {
      NODE_ENV: 'test',
      OPENAI_API_KEY: emulators.openai.apiKey,
      OPENAI_BASE_URL: emulators.openai.baseURL,
      GOOGLE_API_KEY: emulators.gemini.apiKey,
      GOOGLE_GEMINI_BASE_URL: emulators.gemini.baseURL,
      ...env,
    },
    envFiles: false,
  });
}

describe('createLlmServiceFromConfig', () => {
  it('GIVEN LLM_DEFAULT_PROVIDER=gemini and GOOGLE_* variables THEN a call naming no provider reaches Gemini with its default model', async () => {
    const llm = await createLlmServiceFromConfig(configWith({ LLM_DEFAULT_PROVIDER: 'gemini' }), { providers: { gemini: { apiVersion: 'v1beta' } } });
    expect(llm.defaultProvider).toBe('gemini');
    expect(llm.configuredProviders()).toEqual(['openai', 'gemini']);
    const result = await llm.complete({ prompt: 'hello' });
    expect(result).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash' });
    expect(emulators.gemini.requests).toHaveLength(1);
    await llm.close();
  });

  it('GIVEN LLM_MAX_RETRIES=4 THEN a call the provider keeps refusing is sent 5 times, then fails with BL_ERR_LLM_RATE_LIMITED', async () => {
    const llm = await createLlmServiceFromConfig(configWith({ LLM_MAX_RETRIES: '4' }));
    // A 1 ms wait hint replaces the backoff, so the five attempts take no time.
    emulators.openai.enqueue(...Array.from({ length: 6 }, () => llmFault.rateLimit({ retryAfterMs: 1 })));
    await expect(llm.complete({ provider: 'openai', prompt: 'x' })).rejects.toMatchObject({ code: LLM_ERROR_CODES.rateLimited });
    expect(emulators.openai.requests).toHaveLength(5);
    await llm.close();
  });

  it('GIVEN LLM_TIMEOUT_SECONDS=1 THEN a provider that does not answer within a second fails the call with BL_ERR_LLM_TIMEOUT', async () => {
    const llm = await createLlmServiceFromConfig(configWith({ LLM_TIMEOUT_SECONDS: '1', LLM_MAX_RETRIES: '0' }));
    emulators.openai.enqueue(llmFault.hang());
    await expect(llm.complete({ provider: 'openai', prompt: 'x' })).rejects.toMatchObject({ code: LLM_ERROR_CODES.timeout });
    await llm.close();
  });

  it('GIVEN allowed models in code and a provider without a key THEN calls outside them fail with BL_ERR_LLM_INVALID_REQUEST before sending', async () => {
    const llm = await createLlmServiceFromConfig(configWith(), { providers: { openai: { models: ['gpt-5.4-mini'] } } });
    await expect(llm.complete({ provider: 'openai', model: 'gpt-5.5', prompt: 'x' })).rejects.toMatchObject({
      code: LLM_ERROR_CODES.invalidRequest,
      message: expect.stringMatching(/not allowed/),
    });
    await expect(llm.complete({ provider: 'anthropic', prompt: 'x' })).rejects.toMatchObject({
      code: LLM_ERROR_CODES.invalidRequest,
      message: expect.stringMatching(/no API key/),
    });
    expect(emulators.openai.requests).toHaveLength(0);
    expect(emulators.anthropic.requests).toHaveLength(0);
    await expect(llm.complete({ provider: 'openai', prompt: 'x' })).resolves.toMatchObject({ provider: 'openai', model: 'gpt-5.4-mini' });
    await llm.close();
  });
});
