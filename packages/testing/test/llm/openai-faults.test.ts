import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmFault } from '../../src/llm/faults.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator } from '../../src/llm/types.js';
import { failure } from './failure.js';

let emulator: LlmEmulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'openai' });
  client = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0, timeout: 5_000 });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const request = { model: 'gpt-5.4-mini', messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('OpenAI emulator: faults as the SDK surfaces them', () => {
  it('GIVEN a rate limit THEN RateLimitError carries code, retry-after(-ms), x-ratelimit-* and the request id', async () => {
    emulator.enqueue(llmFault.rateLimit({ retryAfterMs: 1500 }));
    const error = (await failure(client.chat.completions.create(request))) as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.headers.get('retry-after-ms')).toBe('1500');
    expect(error.headers.get('retry-after')).toBe('2');
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.requestID).toMatch(/^req_/);
  });

  it('GIVEN exhausted quota THEN a 429 with code insufficient_quota and no retry hint', async () => {
    emulator.enqueue(llmFault.quotaExhausted());
    const error = (await failure(client.chat.completions.create(request))) as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error).toMatchObject({ status: 429, code: 'insufficient_quota', type: 'insufficient_quota' });
    expect(error.headers.get('retry-after')).toBeNull();
  });

  it('GIVEN an invalid request, a bad key, a 500 and an overload THEN the matching SDK error classes', async () => {
    emulator.enqueue(llmFault.invalidRequest('Bad field.', { param: 'messages' }), llmFault.serverError(), llmFault.overloaded());
    await expect(client.chat.completions.create(request)).rejects.toMatchObject({ status: 400, param: 'messages' });
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(client.chat.completions.create(request)).rejects.toMatchObject({ status: 503 });
    const wrongKey = new OpenAI({ apiKey: 'nope', baseURL: emulator.baseURL, maxRetries: 0 });
    await expect(wrongKey.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('GIVEN temperature or max_tokens on a reasoning model THEN 400 unsupported_value / unsupported_parameter', async () => {
    await expect(client.chat.completions.create({ ...request, model: 'gpt-5.4', temperature: 0.2 })).rejects.toMatchObject({
      status: 400,
      code: 'unsupported_value',
      param: 'temperature',
    });
    await expect(client.chat.completions.create({ ...request, model: 'o3', max_tokens: 10 })).rejects.toMatchObject({
      code: 'unsupported_parameter',
    });
    await expect(client.chat.completions.create({ ...request, model: 'gpt-5.4', temperature: 0.2, reasoning_effort: 'none' })).resolves.toBeDefined();
  });

  it('GIVEN a strict schema with an optional property THEN 400 as the real API answers', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: [], additionalProperties: false };
    const response_format = { type: 'json_schema' as const, json_schema: { name: 's', strict: true, schema } };
    await expect(client.chat.completions.create({ ...request, response_format })).rejects.toThrow(/Missing 'a'/);
  });

  it('GIVEN a hung response THEN the SDK times out with APIConnectionTimeoutError', async () => {
    emulator.enqueue(llmFault.hang());
    const error = await failure(client.chat.completions.create(request, { timeout: 200 }));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('GIVEN a delayed reply THEN the call still succeeds with it', async () => {
    emulator.enqueue(llmFault.delay(30, llmReply.text('late')));
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe('late');
  });

  it('GIVEN a malformed body or stream frame THEN the SDK throws instead of returning a completion', async () => {
    emulator.enqueue(llmFault.malformed(), llmFault.malformed());
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(SyntaxError);
    const stream = await client.chat.completions.create({ ...request, stream: true });
    await expect(stream.toReadableStream().getReader().read()).rejects.toThrow(/malformed/);
  });

  it('GIVEN a stream cut cleanly after two frames THEN iteration ends without usage', async () => {
    emulator.enqueue(llmFault.truncated({ reply: llmReply.text('one two three four'), afterEvents: 2, cut: 'end' }));
    const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(2);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
  });

  it('GIVEN an error event mid-stream THEN the SDK throws APIError after the first chunks', async () => {
    emulator.enqueue(llmFault.midStream(llmFault.serverError({ message: 'boom' }), { afterEvents: 2 }));
    const stream = await client.chat.completions.create({ ...request, stream: true });
    const seen: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of stream) seen.push(chunk);
      })(),
    );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain('boom');
    expect(seen).toHaveLength(2);
  });

  it('GIVEN a stream reset mid-way THEN iteration throws', async () => {
    emulator.enqueue(llmFault.truncated({ afterEvents: 1 }));
    const stream = await client.chat.completions.create({ ...request, stream: true });
    await expect(
      (async () => {
        for await (const _chunk of stream) void _chunk;
      })(),
    ).rejects.toThrow();
  });
});

describe('OpenAI emulator: SDK retries', () => {
  it('GIVEN two 429s then success AND SDK retries on THEN the third attempt answers', async () => {
    const retrying = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 2 });
    emulator.enqueue(llmFault.rateLimit({ retryAfterMs: 5 }), llmFault.rateLimit({ retryAfterMs: 5 }), llmReply.text('ok'));
    const completion = await retrying.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe('ok');
    expect(emulator.requests.map((r) => r.attempt)).toEqual([0, 1, 2]);
  });

  it('GIVEN retry-after-ms of 30 s THEN the SDK waits instead of its sub-second default backoff', async () => {
    const retrying = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 1 });
    emulator.enqueue(llmFault.rateLimit({ retryAfterMs: 30_000 }));
    const abort = new AbortController();
    const call = failure(retrying.chat.completions.create(request, { signal: abort.signal }));
    while (emulator.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The default first backoff is at most 0.5 s; after 1.2 s a retry would have arrived had the hint been ignored.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(emulator.requests).toHaveLength(1);
    abort.abort();
    expect(await call).toBeInstanceOf(OpenAI.APIUserAbortError);
  });
});
