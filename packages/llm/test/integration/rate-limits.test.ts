import { createLlmEmulators, llmFault, llmReply, type LlmEmulators } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmService, LlmProviderUnavailableError, LlmRateLimitedError } from '../../src/index.js';
import { emulatedProviders, memorySink } from '../support/emulated-providers.js';
import { createTestStack } from '../support/test-stack.js';

let stack: Awaited<ReturnType<typeof createTestStack>>;
let emulators: LlmEmulators;
beforeAll(async () => {
  stack = await createTestStack();
  emulators = await createLlmEmulators();
});
afterAll(async () => {
  await emulators.close();
  await stack.close();
});

/** Waits until the current one-minute window has at least 5 s left, so a test stays inside one window. */
async function awayFromWindowEdge(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('rate limits shared through Redis', () => {
  it('GIVEN 2 requests per minute across two processes THEN the third request is refused locally, never sent', async () => {
    const providers = emulatedProviders(emulators, { xai: { rateLimits: { requestsPerMinute: 2 } } });
    const a = await createLlmService({ defaultProvider: 'xai', providers, kv: stack.kv(), storage: { usageSink: memorySink() } });
    const sink = memorySink();
    const b = await createLlmService({ defaultProvider: 'xai', providers, kv: stack.kv(), storage: { usageSink: sink } });
    await awayFromWindowEdge();
    await a.complete({ prompt: '1' });
    await b.complete({ prompt: '2' });
    const sent = emulators.xai.requests.length;
    const error = await b.complete({ prompt: '3', timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRateLimitedError);
    expect((error as LlmRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect(emulators.xai.requests.length).toBe(sent);
    await a.close();
    await b.close();
    expect(sink.rows.map((r) => r.status)).toEqual(['ok', 'error']);
  });

  it('GIVEN a local rate limit on the first provider THEN the fallback answers', async () => {
    const providers = emulatedProviders(emulators, { anthropic: { rateLimits: { requestsPerMinute: 1 } } });
    const llm = await createLlmService({ defaultProvider: 'anthropic', providers, kv: stack.kv(), storage: { usageSink: memorySink() } });
    await awayFromWindowEdge();
    await llm.complete({ prompt: '1' });
    const result = await llm.complete({ prompt: '2', timeoutMs: 1_000, fallbacks: [{ provider: 'gemini' }] });
    expect(result.provider).toBe('gemini');
    await llm.close();
  });
});

describe('streams and failures', () => {
  it('GIVEN a 429 before the stream opens THEN it is retried and the stream delivers', async () => {
    const sink = memorySink();
    const llm = await createLlmService({
      defaultProvider: 'openai',
      providers: emulatedProviders(emulators),
      storage: { usageSink: sink },
      retry: { baseDelayMs: 5 },
    });
    emulators.openai.enqueue(llmFault.rateLimit({ retryAfterMs: 10 }), llmReply.text('hello stream'));
    const stream = llm.stream({ prompt: 'x' });
    let text = '';
    for await (const delta of stream) text += delta;
    expect(text).toBe('hello stream');
    await llm.close();
    expect(sink.rows.map((r) => r.status)).toEqual(['error', 'ok']);
  });

  it('GIVEN an error in the middle of a stream THEN the consumer gets a typed error and the attempt is recorded', async () => {
    const sink = memorySink();
    const llm = await createLlmService({ defaultProvider: 'anthropic', providers: emulatedProviders(emulators), storage: { usageSink: sink } });
    emulators.anthropic.enqueue(llmFault.midStream(llmFault.overloaded(), { reply: llmReply.text('one two three four five'), afterEvents: 3 }));
    const stream = llm.stream({ prompt: 'x' });
    const error = await (async () => {
      for await (const _ of stream) {
        // reading until it breaks
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmProviderUnavailableError);
    await expect(stream.result).rejects.toBeInstanceOf(LlmProviderUnavailableError);
    await llm.close();
    expect(sink.rows).toHaveLength(1);
    expect(sink.rows[0]).toMatchObject({ status: 'error', requestType: 'stream', errorCode: 'BL_ERR_LLM_PROVIDER_UNAVAILABLE' });
  });
});
