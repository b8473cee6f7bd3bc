import { loadConfig } from '@baseline/core';
import { describe, expect, it } from 'vitest';
import { createLlmServiceFromConfig } from '../../src/index.js';

const config = loadConfig({
  env: {
    NODE_ENV: 'test',
    LLM_DEFAULT_PROVIDER: 'gemini',
    LLM_MAX_RETRIES: '4',
    LLM_TIMEOUT_SECONDS: '30',
    OPENAI_API_KEY: 'sk-x',
    OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
    GOOGLE_API_KEY: 'AIza-x',
    GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:2',
  },
  envFiles: false,
});

describe('createLlmServiceFromConfig', () => {
  it('GIVEN the environment THEN the service takes the default provider, timeout and retries from it', async () => {
    const llm = await createLlmServiceFromConfig(config, { providers: { openai: { models: ['gpt-5.4-mini'] } } });
    expect(llm.engine.defaultProvider).toBe('gemini');
    expect(llm.engine.policy.maxRetries).toBe(4);
    const openai = llm.engine.target({ provider: 'openai' });
    expect(openai.config).toMatchObject({ apiKey: 'sk-x', baseUrl: 'http://127.0.0.1:1/v1', timeoutMs: 30_000, defaultModel: 'gpt-5.4-mini' });
    expect(() => llm.engine.target({ provider: 'openai', model: 'gpt-5.5' })).toThrow(/not allowed/);
    expect(() => llm.engine.target({ provider: 'anthropic' })).toThrow(/no API key/);
    await llm.close();
  });

  it('GIVEN GOOGLE_API_KEY and GOOGLE_GEMINI_BASE_URL THEN they configure the provider id gemini', async () => {
    expect(config.llm.apiKeys).toMatchObject({ gemini: 'AIza-x' });
    const llm = await createLlmServiceFromConfig(config);
    expect(llm.engine.target({ provider: 'gemini' }).config).toMatchObject({
      apiKey: 'AIza-x',
      baseUrl: 'http://127.0.0.1:2',
      defaultModel: 'gemini-2.5-flash',
    });
    await llm.close();
  });
});
