import { llmFault, llmReply } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../support/capture-logger.js';
import { emulatedService } from '../support/emulated-providers.js';

describe('request logs', () => {
  const logger = captureLogger();
  let env: Awaited<ReturnType<typeof emulatedService>>;
  beforeAll(async () => {
    env = await emulatedService({ logger, retry: { maxRetries: 0 } });
  });
  afterAll(() => env.close());

  it('GIVEN a request and a failing one THEN each is logged with provider, model, tokens, cost and latency', async () => {
    env.emulators.openai.enqueue(llmReply.text('ok', { usage: { input: 12, output: 3 } }));
    await env.llm.complete({ provider: 'openai', model: 'gpt-4.1', prompt: 'hi', guildId: '111', cogName: 'chat' });
    env.emulators.anthropic.enqueue(llmFault.invalidRequest());
    await expect(env.llm.complete({ provider: 'anthropic', prompt: 'hi', cogName: 'chat' })).rejects.toThrow();

    const ok = logger.lines.find((line) => line.message === 'llm request');
    expect(ok?.level).toBe('info');
    expect(ok?.fields).toMatchObject({ provider: 'openai', model: 'gpt-4.1', guild_id: '111', cog: 'chat', prompt_tokens: 12, completion_tokens: 3 });
    expect(Number(ok?.fields['cost_usd'])).toBeGreaterThan(0);
    expect(ok?.fields['latency_ms']).toEqual(expect.any(Number));

    const failed = logger.lines.find((line) => line.message === 'llm request failed');
    expect(failed?.level).toBe('warn');
    expect(failed?.fields).toMatchObject({ provider: 'anthropic', cog: 'chat', error_code: expect.stringMatching(/^BL_ERR_LLM_/) });
    expect(failed?.fields['latency_ms']).toEqual(expect.any(Number));
  });
});
