import { createLogger, createRedisKeyValue, type KeyValueStore } from '@baseline/core';
import { createLlmService, type LlmService } from '@baseline/llm';
import { createLlmEmulator, llmReply, type LlmEmulator } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('a Gemini price edited through the API reaches billing', () => {
  let stack: ApiStack;
  let dev: ApiClient;
  let gemini: LlmEmulator;
  let kv: KeyValueStore;
  let llm: LlmService;

  beforeAll(async () => {
    stack = await createApiStack();
    dev = await stack.login('dev');
    gemini = await createLlmEmulator({ provider: 'gemini' });
    // The bot's side: its own connection to the same Redis, the same database.
    kv = createRedisKeyValue({ url: stack.redis.url, prefix: stack.redis.prefix, logger: createLogger({ service: 'bot', level: 'silent' }) });
    llm = await createLlmService({
      defaultProvider: 'gemini',
      providers: { gemini: { apiKey: gemini.apiKey, baseUrl: gemini.baseURL, apiVersion: 'v1beta', defaultModel: 'gemini-2.5-flash', timeoutMs: 5_000 } },
      storage: { db: stack.db },
      kv,
    });
  });
  afterAll(async () => {
    await llm?.close();
    await kv?.close();
    await gemini?.close();
    await stack?.close();
  });

  it('GIVEN a PUT on gemini/gemini-2.5-flash THEN the row is stored as gemini AND the next Gemini request is billed at the new price', async () => {
    gemini.enqueue(llmReply.text('before', { usage: { input: 1_000, output: 100 } }));
    // Snapshot price: 1 000 × 3e-7 + 100 × 2.5e-6 = 0.0003 + 0.00025
    expect((await llm.complete({ prompt: 'p' })).costUsd).toBe('0.0005500000');

    const change = await dev.request('PUT', '/api/v1/llm/models/gemini/gemini-2.5-flash/pricing', {
      body: { input_cost_per_1k_tokens: '0.01', output_cost_per_1k_tokens: '0.02' },
    });
    expect(change.status).toBe(200);
    expect(change.body).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash', input_cost_per_1k_tokens: '0.010000000000', source: 'api' });

    gemini.enqueue(llmReply.text('after', { usage: { input: 1_000, output: 100 } }));
    // API price: 1 000 × $0.01 / 1k + 100 × $0.02 / 1k = 0.01 + 0.002
    expect((await llm.complete({ prompt: 'p' })).costUsd).toBe('0.0120000000');
    const models = (await dev.get('/api/v1/llm/models')).body.models as Array<{ provider: string; model: string }>;
    expect(models.filter((m) => m.model === 'gemini-2.5-flash').map((m) => m.provider)).toEqual(['gemini']);
  });

  it('GIVEN the provider id google THEN the API answers 400 naming the ids it takes', async () => {
    const response = await dev.request('PUT', '/api/v1/llm/models/google/gemini-2.5-flash/pricing', {
      body: { input_cost_per_1k_tokens: '0.01', output_cost_per_1k_tokens: '0.02' },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('gemini');
  });
});
