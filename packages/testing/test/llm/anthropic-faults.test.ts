import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmFault } from '../../src/llm/faults.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator } from '../../src/llm/types.js';
import { failure } from './failure.js';

let emulator: LlmEmulator;
let client: Anthropic;

beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'anthropic' });
  client = new Anthropic({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0, timeout: 5_000 });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const request = { model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('Anthropic emulator: faults as the SDK surfaces them', () => {
  it('GIVEN a rate limit THEN RateLimitError with retry-after, anthropic-ratelimit-* and request-id', async () => {
    emulator.enqueue(llmFault.rateLimit({ retryAfterMs: 3000 }));
    const error = (await failure(client.messages.create(request))) as InstanceType<typeof Anthropic.RateLimitError>;
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.headers.get('retry-after')).toBe('3');
    expect(error.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(error.requestID).toMatch(/^req_/);
    expect(error.errorCode).toBeNull();
  });

  it('GIVEN a spend limit THEN the SDK raises EnforcedSpendLimitReachedError (errorCode set)', async () => {
    emulator.enqueue(llmFault.quotaExhausted(), llmFault.quotaExhausted({ code: 'contract_spend_limit_reached' }));
    const error = (await failure(client.messages.create(request))) as InstanceType<typeof Anthropic.RateLimitError>;
    expect(error).toBeInstanceOf(Anthropic.EnforcedSpendLimitReachedError);
    expect(error.errorCode).toBe('enforced_spend_limit_reached');
    await expect(client.messages.create(request)).rejects.toMatchObject({ errorCode: 'contract_spend_limit_reached' });
  });

  it('GIVEN 529, 500, 400 and a bad key THEN OverloadedError, InternalServerError, BadRequestError, AuthenticationError', async () => {
    emulator.enqueue(llmFault.overloaded(), llmFault.serverError(), llmFault.invalidRequest('messages: too short'));
    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    const wrongKey = new Anthropic({ apiKey: 'nope', baseURL: emulator.baseURL, maxRetries: 0 });
    await expect(wrongKey.messages.create(request)).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('GIVEN a stream reset after three events THEN finalMessage() rejects instead of returning partial usage', async () => {
    emulator.enqueue(llmFault.truncated({ reply: llmReply.text('a b c d'), afterEvents: 3 }));
    const stream = client.messages.stream(request);
    await expect(stream.finalMessage()).rejects.toThrow();
  });

  it('GIVEN an overloaded_error event mid-stream THEN the stream rejects with the overload', async () => {
    emulator.enqueue(llmFault.midStream(llmFault.overloaded(), { afterEvents: 3 }));
    await expect(client.messages.stream(request).finalMessage()).rejects.toThrow(/overloaded_error|Overloaded/);
  });

  it('GIVEN a malformed frame THEN the stream throws', async () => {
    emulator.enqueue(llmFault.malformed());
    await expect(client.messages.stream(request).finalMessage()).rejects.toThrow();
  });

  it('GIVEN a hung response THEN APIConnectionTimeoutError', async () => {
    emulator.enqueue(llmFault.hang());
    await expect(client.messages.create(request, { timeout: 200 })).rejects.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it('GIVEN retries on AND an overload then success THEN the retry answers with attempt 1', async () => {
    const retrying = new Anthropic({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 1 });
    emulator.enqueue(llmFault.overloaded({ retryAfterMs: 5 }), llmReply.text('ok'));
    const message = await retrying.messages.create(request);
    expect(message.content[0]).toMatchObject({ text: 'ok' });
    expect(emulator.requests.map((r) => r.attempt)).toEqual([0, 1]);
  });
});
