import { llmReply } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODELS, LlmInvalidRequestError, type LlmProvider } from '../../src/index.js';
import { emulatedService, emulatorOf as emulatorOfProvider } from '../support/emulated-providers.js';

let env: Awaited<ReturnType<typeof emulatedService>>;
beforeAll(async () => {
  env = await emulatedService();
});
afterAll(() => env.close());
beforeEach(() => env.reset());

const emulatorOf = (provider: LlmProvider) => emulatorOfProvider(env.emulators, provider);

describe.each(['openai', 'anthropic', 'gemini', 'xai'] as const)('complete() through %s', (provider) => {
  it('GIVEN system, history and a prompt THEN the SDK sends them and the answer comes back with a usage row', async () => {
    emulatorOf(provider).enqueue(llmReply.text('Four degrees.', { usage: { input: 30, output: 5 } }));
    const result = await env.llm.complete({
      provider,
      system: 'Answer briefly.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
      ],
      prompt: 'Weather in Oslo?',
      maxTokens: 100,
      guildId: '111',
      userId: '222',
      cogName: 'weather',
    });
    expect(result.text).toBe('Four degrees.');
    expect(result).toMatchObject({ provider, model: DEFAULT_MODELS[provider], finishReason: 'stop' });
    expect(result.usage).toMatchObject({ promptTokens: 30, completionTokens: 5, totalTokens: 35 });
    expect(Number(result.costUsd)).toBeGreaterThan(0);

    const sent = JSON.stringify(emulatorOf(provider).requests[0]?.body);
    expect(sent).toContain('Answer briefly.');
    expect(sent).toContain('Hello!');
    expect(sent).toContain('Weather in Oslo?');

    await env.llm.flush();
    expect(env.sink.rows).toHaveLength(1);
    expect(env.sink.rows[0]).toMatchObject({
      provider,
      model: DEFAULT_MODELS[provider],
      requestType: 'text',
      status: 'ok',
      guildId: '111',
      userId: '222',
      cogName: 'weather',
      promptTokens: 30,
      completionTokens: 5,
      costUsd: result.costUsd,
    });
  });

  it('GIVEN a stream THEN deltas arrive in order and usage is recorded at the end', async () => {
    emulatorOf(provider).enqueue(llmReply.text('one two three', { usage: { input: 12, output: 3 } }));
    const stream = env.llm.stream({ provider, prompt: 'count', guildId: '1' });
    const deltas: string[] = [];
    for await (const delta of stream) deltas.push(delta);
    expect(deltas.join('')).toBe('one two three');
    expect(deltas.length).toBeGreaterThan(1);
    const result = await stream.result;
    expect(result.usage).toMatchObject({ promptTokens: 12, completionTokens: 3 });
    await env.llm.flush();
    expect(env.sink.rows).toMatchObject([{ provider, requestType: 'stream', status: 'ok', promptTokens: 12, completionTokens: 3 }]);
  });

  it('GIVEN the consumer stops after the first delta THEN the rest is drained and the exact usage is recorded', async () => {
    emulatorOf(provider).enqueue(llmReply.text('alpha beta gamma delta', { usage: { input: 20, output: 4 } }));
    const stream = env.llm.stream({ provider, prompt: 'words' });
    for await (const delta of stream) {
      expect(delta.length).toBeGreaterThan(0);
      break;
    }
    const result = await stream.result;
    expect(result.usage).toMatchObject({ promptTokens: 20, completionTokens: 4 });
    await env.llm.flush();
    expect(env.sink.rows).toHaveLength(1);
    expect(env.sink.rows[0]?.metadata).toMatchObject({ stoppedEarly: true });
    expect(env.sink.rows[0]?.metadata.usageEstimated).toBeUndefined();
  });
});

describe('request checks', () => {
  it('GIVEN a model outside the allowed list THEN the call fails at once without reaching the provider', async () => {
    const { createLlmService } = await import('../../src/index.js');
    const llm = await createLlmService({
      defaultProvider: 'openai',
      providers: { openai: { apiKey: 'k', baseUrl: env.emulators.openai.baseURL, defaultModel: 'gpt-5.4-mini', models: ['gpt-5.4-mini'] } },
    });
    await expect(llm.complete({ model: 'gpt-5.5', prompt: 'x' })).rejects.toThrow(/not allowed for openai/);
    await expect(llm.complete({ provider: 'anthropic', prompt: 'x' })).rejects.toBeInstanceOf(LlmInvalidRequestError);
    expect(env.emulators.openai.requests).toHaveLength(0);
    await llm.close();
  });

  it('GIVEN a provider without a key THEN the error says the key is missing', async () => {
    const { createLlmService } = await import('../../src/index.js');
    const llm = await createLlmService({ defaultProvider: 'xai', providers: { xai: { defaultModel: 'grok-4.3' } } });
    await expect(llm.complete({ prompt: 'x' })).rejects.toThrow(/has no API key/);
    await llm.close();
  });

  it('GIVEN temperature for an Anthropic model THEN it is dropped by the capability table, not rejected by the API', async () => {
    const result = await env.llm.complete({ provider: 'anthropic', prompt: 'hi', temperature: 0.2, topP: 0.5 });
    expect(result.text).toContain('hi');
    const body = env.emulators.anthropic.requests[0]?.body as Record<string, unknown>;
    expect(body.temperature).toBeUndefined();
    await env.llm.flush();
    expect(env.sink.rows[0]?.metadata.droppedParams).toEqual(['temperature', 'topP']);
  });

  it('GIVEN an OpenAI reasoning model THEN maxTokens goes out as max_completion_tokens and system as developer', async () => {
    await env.llm.complete({ provider: 'openai', system: 'be brief', prompt: 'hi', maxTokens: 50, temperature: 0.3 });
    const body = env.emulators.openai.requests[0]?.body as { max_completion_tokens?: number; max_tokens?: number; messages: Array<{ role: string }> };
    expect(body.max_completion_tokens).toBe(50);
    expect(body.max_tokens).toBeUndefined();
    expect(body.messages[0]?.role).toBe('developer');
  });
});
