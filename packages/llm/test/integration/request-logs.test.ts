import { llmFault, llmReply } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@baseline/core';
import { createLogCapture } from '@baseline/core/testing';
import { emulatedService } from '../support/emulated-providers.js';

describe('request logs', () => {
  const { lines, destination } = createLogCapture();
  const logger = createLogger({ service: 'llm-test', level: 'debug', destination });
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

    const ok = lines.find((line) => line.msg === 'llm request');
    expect(ok?.level).toBe('info');
    expect(ok).toMatchObject({ provider: 'openai', model: 'gpt-4.1', guild_id: '111', cog: 'chat', prompt_tokens: 12, completion_tokens: 3 });
    expect(Number(ok?.['cost_usd'])).toBeGreaterThan(0);
    expect(ok?.['latency_ms']).toEqual(expect.any(Number));

    const failed = lines.find((line) => line.msg === 'llm request failed');
    expect(failed?.level).toBe('warn');
    expect(failed).toMatchObject({ provider: 'anthropic', cog: 'chat', error_code: expect.stringMatching(/^BL_ERR_LLM_/) });
    expect(failed?.['latency_ms']).toEqual(expect.any(Number));
  });
});
