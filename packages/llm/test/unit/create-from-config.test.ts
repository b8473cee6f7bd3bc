import { describe, expect, it } from 'vitest';
import { createLlmServiceFromConfig } from '../../src/index.js';

const llmConfig = {
  defaultProvider: 'google' as const,
  maxRetries: 4,
  timeoutSeconds: 30,
  apiKeys: { openai: 'sk-x', anthropic: undefined, google: 'AIza-x', xai: undefined },
  baseUrls: { openai: 'http://127.0.0.1:1/v1', anthropic: undefined, google: undefined, xai: undefined },
};

describe('createLlmServiceFromConfig', () => {
  it('GIVEN core config naming gemini "google" THEN the service defaults to gemini with the env timeout and retries', async () => {
    const llm = createLlmServiceFromConfig({ llm: llmConfig }, { providers: { openai: { models: ['gpt-5.4-mini'] } } });
    expect(llm.engine.defaultProvider).toBe('gemini');
    expect(llm.engine.policy.maxRetries).toBe(4);
    const openai = llm.engine.target({ provider: 'openai' });
    expect(openai.config).toMatchObject({ apiKey: 'sk-x', baseUrl: 'http://127.0.0.1:1/v1', timeoutMs: 30_000, defaultModel: 'gpt-5.4-mini' });
    expect(() => llm.engine.target({ provider: 'openai', model: 'gpt-5.5' })).toThrow(/not allowed/);
    expect(() => llm.engine.target({ provider: 'anthropic' })).toThrow(/no API key/);
    await llm.close();
  });
});
