import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmFault } from '../../src/llm/faults.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator } from '../../src/llm/types.js';
import { failure } from './failure.js';

let emulator: LlmEmulator;
let client: GoogleGenAI;

beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'gemini' });
  client = new GoogleGenAI({ apiKey: emulator.apiKey, httpOptions: { baseUrl: emulator.baseURL, timeout: 5_000 } });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const request = { model: 'gemini-2.5-flash', contents: 'Hi' };

interface GoogleErrorBody {
  error: { code: number; status: string; details?: Array<Record<string, unknown>> };
}

async function apiError(promise: Promise<unknown>): Promise<{ status: number; body: GoogleErrorBody }> {
  const error = (await failure(promise)) as { name: string; status: number; message: string };
  expect(error.name).toBe('ApiError');
  return { status: error.status, body: JSON.parse(error.message) as GoogleErrorBody };
}

describe('Google emulator: faults as the SDK surfaces them', () => {
  it('GIVEN a rate limit THEN ApiError 429 RESOURCE_EXHAUSTED with RetryInfo.retryDelay in the body', async () => {
    emulator.enqueue(llmFault.rateLimit({ retryAfterMs: 34_000 }));
    const { status, body } = await apiError(client.models.generateContent(request));
    expect(status).toBe(429);
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34s' });
  });

  it('GIVEN a daily quota THEN the QuotaFailure names a PerDay quota AND no RetryInfo is sent', async () => {
    emulator.enqueue(llmFault.quotaExhausted());
    const { body } = await apiError(client.models.generateContent(request));
    const types = body.error.details?.map((d) => d['@type']);
    expect(types).toEqual(['type.googleapis.com/google.rpc.QuotaFailure']);
    expect(JSON.stringify(body.error.details)).toContain('PerDay');
  });

  it('GIVEN an overload, a 500 and a bad key THEN 503 UNAVAILABLE, 500 INTERNAL and 400 API_KEY_INVALID', async () => {
    emulator.enqueue(llmFault.overloaded(), llmFault.serverError());
    expect((await apiError(client.models.generateContent(request))).body.error).toMatchObject({ code: 503, status: 'UNAVAILABLE' });
    expect((await apiError(client.models.generateContent(request))).body.error).toMatchObject({ code: 500, status: 'INTERNAL' });
    const wrongKey = new GoogleGenAI({ apiKey: 'nope', httpOptions: { baseUrl: emulator.baseURL } });
    const { status, body } = await apiError(wrongKey.models.generateContent(request));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('API_KEY_INVALID');
  });

  it('GIVEN a malformed body THEN the SDK throws a parse error', async () => {
    emulator.enqueue(llmFault.malformed());
    await expect(client.models.generateContent(request)).rejects.toThrow();
  });

  it('GIVEN a stream cut cleanly after one chunk THEN fewer chunks arrive AND the last lacks the final usage', async () => {
    emulator.enqueue(llmFault.truncated({ reply: llmReply.text('one two three', { usage: { input: 5, output: 9 } }), cut: 'end' }));
    const chunks = [];
    for await (const chunk of await client.models.generateContentStream(request)) chunks.push(chunk);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.candidates?.[0]?.finishReason).toBeUndefined();
    expect(chunks[0]?.usageMetadata?.candidatesTokenCount).toBe(3);
  });

  it('GIVEN an error chunk mid-stream THEN ApiError carries its code and a got-status message', async () => {
    emulator.enqueue(llmFault.midStream(llmFault.overloaded(), { reply: llmReply.text('one two three'), afterEvents: 1 }));
    const chunks: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of await client.models.generateContentStream(request)) chunks.push(chunk);
    })().catch((e: unknown) => e as { name: string; status: number; message: string });
    expect(error).toMatchObject({ name: 'ApiError', status: 503 });
    expect((error as { message: string }).message).toMatch(/^got status: UNAVAILABLE\. /);
    expect(chunks).toHaveLength(1);
  });

  it('GIVEN a hung response THEN httpOptions.timeout aborts the call', async () => {
    emulator.enqueue(llmFault.hang());
    const impatient = new GoogleGenAI({ apiKey: emulator.apiKey, httpOptions: { baseUrl: emulator.baseURL, timeout: 200 } });
    await expect(impatient.models.generateContent(request)).rejects.toThrow();
    expect(emulator.requests).toHaveLength(1);
  });

  it('GIVEN retryOptions AND two 429s THEN genai retries (ignoring RetryInfo) and the third call answers', async () => {
    const retrying = new GoogleGenAI({
      apiKey: emulator.apiKey,
      httpOptions: { baseUrl: emulator.baseURL, retryOptions: { attempts: 3, initialDelay: 0.01, maxDelay: 0.02 } },
    });
    emulator.enqueue(llmFault.rateLimit({ retryAfterMs: 30_000 }), llmFault.rateLimit({ retryAfterMs: 30_000 }), llmReply.text('ok'));
    const response = await retrying.models.generateContent(request);
    expect(response.text).toBe('ok');
    expect(emulator.requests).toHaveLength(3);
  });
});
