import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator } from '../../src/llm/types.js';

let emulator: LlmEmulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'xai' });
  client = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0, timeout: 5_000 });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('xAI emulator', () => {
  it('GIVEN reasoning THEN completion_tokens excludes it, total adds it AND reasoning_content carries the text', async () => {
    emulator.enqueue(llmReply.text('Hello', { reasoning: 'Greet back.', usage: { input: 100, cacheRead: 200, output: 20, reasoning: 100 } }));
    const completion = await client.chat.completions.create({ model: 'grok-4.3', messages });
    expect(completion.usage).toMatchObject({
      prompt_tokens: 300,
      completion_tokens: 20,
      total_tokens: 420,
      prompt_tokens_details: { cached_tokens: 200 },
      completion_tokens_details: { reasoning_tokens: 100 },
    });
    expect((completion.choices[0]?.message as { reasoning_content?: string }).reasoning_content).toBe('Greet back.');
  });

  it('GIVEN a reasoning model with stop or penalties THEN 400; grok-4.20 rejects reasoning_effort', async () => {
    await expect(client.chat.completions.create({ model: 'grok-4.5', messages, stop: ['\n'] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(client.chat.completions.create({ model: 'grok-4.20-reasoning', messages, reasoning_effort: 'low' })).rejects.toThrow(/reasoningEffort/);
    await expect(client.chat.completions.create({ model: 'grok-4.20-non-reasoning', messages, stop: ['\n'] })).resolves.toBeDefined();
  });

  it('GIVEN an image request without response_format THEN xAI answers a URL the emulator serves', async () => {
    emulator.enqueue(llmReply.image([{ b64: Buffer.from('png-bytes').toString('base64') }]));
    const result = await client.images.generate({ model: 'grok-imagine-image', prompt: 'A fjord' });
    const url = result.data?.[0]?.url ?? '';
    expect(url.startsWith(emulator.url)).toBe(true);
    const download = await fetch(url);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('png-bytes');
  });

  it('GIVEN /v1/tts THEN raw audio bytes come back for the requested codec', async () => {
    emulator.enqueue(llmReply.speech(new Uint8Array([9, 8, 7])));
    const response = await fetch(`${emulator.baseURL}/tts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Hei', voice_id: 'eve', output_format: { codec: 'wav' } }),
    });
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([9, 8, 7]);
    expect(emulator.requests[0]).toMatchObject({ operation: 'tts', model: undefined });
  });

  it('GIVEN /v1/stt with a multipart file THEN text, language and duration come back', async () => {
    emulator.enqueue(llmReply.transcription('Hei verden', { durationSeconds: 2.5, language: 'no' }));
    const form = new FormData();
    form.append('language', 'no');
    form.append('file', new Blob([Buffer.from('fake audio')], { type: 'audio/mpeg' }), 'a.mp3');
    const response = await fetch(`${emulator.baseURL}/stt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}` },
      body: form,
    });
    expect(await response.json()).toEqual({ text: 'Hei verden', language: 'no', duration: 2.5, words: [] });
  });
});
