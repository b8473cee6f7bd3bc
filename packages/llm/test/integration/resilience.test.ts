import { llmFault, llmReply } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmInvalidRequestError, LlmProviderUnavailableError, LlmTimeoutError, type LlmProvider } from '../../src/index.js';
import { createLogger } from '@baseline/core';
import { createLogCapture } from '@baseline/core/testing';
import { emulatedService, emulatorOf as emulatorOfProvider } from '../support/emulated-providers.js';

const { lines, destination } = createLogCapture();
const logger = createLogger({ service: 'llm-test', level: 'debug', destination });
let env: Awaited<ReturnType<typeof emulatedService>>;
beforeAll(async () => {
  env = await emulatedService({ logger, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 } });
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.reset();
  lines.length = 0;
});

const emulatorOf = (provider: LlmProvider) => emulatorOfProvider(env.emulators, provider);
const retryDelays = () => lines.filter((l) => l.msg === 'llm retry').map((l) => l['delay_ms'] as number);

describe.each(['openai', 'anthropic', 'gemini', 'xai'] as const)('retries through %s', (provider) => {
  it('GIVEN a 429 with a wait hint THEN the retry waits at least the hint and then succeeds', async () => {
    emulatorOf(provider).enqueue(llmFault.rateLimit({ retryAfterMs: 200 }), llmReply.text('ok'));
    const result = await env.llm.complete({ provider, prompt: 'hi' });
    expect(result.text).toBe('ok');
    expect(emulatorOf(provider).requests).toHaveLength(2);
    const [delay] = retryDelays();
    expect(delay).toBeGreaterThanOrEqual(200);
    expect(delay).toBeLessThanOrEqual(220);
    expect(result.attempts).toEqual([
      { provider, model: result.model, ok: false, errorCode: 'BL_ERR_LLM_RATE_LIMITED' },
      { provider, model: result.model, ok: true },
    ]);
  });

  it('GIVEN exhausted quota THEN there is no retry and the error is typed', async () => {
    emulatorOf(provider).enqueue(llmFault.quotaExhausted(), llmReply.text('never'));
    await expect(env.llm.complete({ provider, prompt: 'hi' })).rejects.toBeInstanceOf(LlmProviderUnavailableError);
    expect(emulatorOf(provider).requests).toHaveLength(1);
  });

  it('GIVEN a bad request THEN there is no retry and an invalid-request error', async () => {
    emulatorOf(provider).enqueue(llmFault.invalidRequest('nope'), llmReply.text('never'));
    await expect(env.llm.complete({ provider, prompt: 'hi' })).rejects.toBeInstanceOf(LlmInvalidRequestError);
    expect(emulatorOf(provider).requests).toHaveLength(1);
  });

  it('GIVEN an overloaded provider THEN it is retried with backoff until the retry count, then unavailable', async () => {
    emulatorOf(provider).enqueue(llmFault.overloaded(), llmFault.overloaded(), llmFault.overloaded(), llmReply.text('late'));
    await expect(env.llm.complete({ provider, prompt: 'hi' })).rejects.toBeInstanceOf(LlmProviderUnavailableError);
    expect(emulatorOf(provider).requests).toHaveLength(3);
    await env.llm.flush();
    expect(env.sink.rows.map((r) => r.status)).toEqual(['error', 'error', 'error']);
  });
});

describe('fallbacks and timeouts', () => {
  it('GIVEN the first model is down THEN the second answers and both attempts are recorded', async () => {
    env.emulators.openai.model('gpt-5.4').always(llmFault.overloaded());
    env.emulators.anthropic.enqueue(llmReply.text('from claude', { usage: { input: 10, output: 3 } }));
    const result = await env.llm.complete({
      provider: 'openai',
      model: 'gpt-5.4',
      prompt: 'hi',
      fallbacks: [{ provider: 'anthropic', model: 'claude-haiku-4-5' }],
      guildId: '5',
    });
    expect(result).toMatchObject({ text: 'from claude', provider: 'anthropic', model: 'claude-haiku-4-5' });
    await env.llm.flush();
    const rows = env.sink.rows;
    expect(rows.filter((r) => r.provider === 'openai' && r.status === 'error')).toHaveLength(3);
    expect(rows.at(-1)).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5', status: 'ok', guildId: '5' });
    expect(rows.at(-1)?.metadata.fallbackFrom).toEqual(['openai/gpt-5.4', 'openai/gpt-5.4', 'openai/gpt-5.4']);
  });

  it('GIVEN a cog fallback chain in the config THEN calls from that cog use it', async () => {
    const { createLlmService } = await import('../../src/index.js');
    const { emulatedProviders, memorySink } = await import('../support/emulated-providers.js');
    const sink = memorySink();
    const llm = await createLlmService({
      defaultProvider: 'gemini',
      providers: emulatedProviders(env.emulators),
      storage: { usageSink: sink },
      retry: { maxRetries: 0 },
      fallbacks: { cogs: { trivia: [{ provider: 'xai' }] } },
    });
    env.emulators.gemini.enqueue(llmFault.quotaExhausted());
    const result = await llm.complete({ prompt: 'q', cogName: 'trivia' });
    expect(result.provider).toBe('xai');
    await llm.close();
    expect(sink.rows.map((r) => `${r.provider}:${r.status}`)).toEqual(['gemini:error', 'xai:ok']);
  });

  it('GIVEN a provider that never answers THEN the attempt times out with a typed error', async () => {
    env.emulators.openai.model('gpt-5.4-nano').always(llmFault.hang());
    await expect(env.llm.complete({ provider: 'openai', model: 'gpt-5.4-nano', prompt: 'hi', timeoutMs: 100 })).rejects.toBeInstanceOf(LlmTimeoutError);
    expect(env.emulators.openai.requests).toHaveLength(3);
  });

  it('GIVEN a hang then an answer THEN the timed-out attempt is retried and succeeds', async () => {
    env.emulators.openai.enqueue(llmFault.hang(), llmReply.text('second'));
    const result = await env.llm.complete({ provider: 'openai', prompt: 'hi', timeoutMs: 150 });
    expect(result.text).toBe('second');
    expect(result.attempts[0]?.errorCode).toBe('BL_ERR_LLM_TIMEOUT');
  });
});
