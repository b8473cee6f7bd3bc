import { llmReply } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmInvalidRequestError } from '../../src/index.js';
import { emulatedService } from '../support/emulated-providers.js';

let env: Awaited<ReturnType<typeof emulatedService>>;
beforeAll(async () => {
  env = await emulatedService();
});
afterAll(() => env.close());
beforeEach(() => env.reset());

describe('images', () => {
  it('GIVEN gpt-image-2 THEN base64 comes back and the image tokens are priced', async () => {
    env.emulators.openai.enqueue(llmReply.image([{ b64: 'aGVsbG8=' }], { usage: { input: 40, output: 1056 } }));
    const result = await env.llm.generateImage({ provider: 'openai', model: 'gpt-image-2', prompt: 'a fox', guildId: '3' });
    expect(result.images).toEqual([expect.objectContaining({ b64: 'aGVsbG8=' })]);
    // 40 × 5e-6 (text in) + 1 056 × 3e-5 (image out) = 0.0002 + 0.03168
    expect(result.costUsd).toBe('0.0318800000');
    await env.llm.flush();
    expect(env.sink.rows[0]).toMatchObject({ requestType: 'image', model: 'gpt-image-2', units: '1', costUsd: '0.0318800000' });
  });

  it('GIVEN xAI with response_format url THEN a URL comes back, priced per image', async () => {
    env.emulators.xai.enqueue(llmReply.image([{ url: 'http://127.0.0.1/x.png' }, { url: 'http://127.0.0.1/y.png' }]));
    const result = await env.llm.generateImage({ provider: 'xai', prompt: 'a fox', n: 2, responseFormat: 'url' });
    expect(result.images.map((i) => i.url)).toHaveLength(2);
    expect(result.images[0]?.url).toMatch(/^http/);
    expect(result.costUsd).toBe('0.0400000000');
  });

  it('GIVEN a Gemini image model THEN inline image data comes back', async () => {
    env.emulators.gemini.enqueue(llmReply.image([{ b64: 'aW1n', mimeType: 'image/png' }]));
    const result = await env.llm.generateImage({ provider: 'gemini', prompt: 'a fox' });
    expect(result.images).toEqual([{ b64: 'aW1n', mimeType: 'image/png' }]);
    expect(result.model).toBe('gemini-2.5-flash-image');
    await env.llm.flush();
    expect(env.sink.rows[0]).toMatchObject({ requestType: 'image', provider: 'gemini', status: 'ok' });
  });

  it('GIVEN Anthropic THEN image generation fails with a clear error', async () => {
    await expect(env.llm.generateImage({ provider: 'anthropic', model: 'claude-sonnet-4-6', prompt: 'x', fallbacks: [] })).rejects.toBeInstanceOf(
      LlmInvalidRequestError,
    );
  });
});

describe('audio', () => {
  it('GIVEN tts-1 THEN the audio bytes come back and the characters are priced', async () => {
    env.emulators.openai.enqueue(llmReply.speech(new Uint8Array([1, 2, 3, 4])));
    const text = 'Hello there, general.';
    const result = await env.llm.speech({ provider: 'openai', model: 'tts-1', text });
    expect([...result.audio]).toEqual([1, 2, 3, 4]);
    // 21 characters × 1.5e-5
    expect(result.costUsd).toBe('0.0003150000');
    await env.llm.flush();
    expect(env.sink.rows[0]).toMatchObject({ requestType: 'speech', units: String(text.length) });
  });

  it('GIVEN xAI /tts THEN it is called with fetch and priced per character', async () => {
    env.emulators.xai.enqueue(llmReply.speech(new Uint8Array([9, 9])));
    const result = await env.llm.speech({ provider: 'xai', text: 'abcd', voice: 'eve' });
    expect([...result.audio]).toEqual([9, 9]);
    expect(result.costUsd).toBe('0.0000600000');
    expect(env.emulators.xai.requests[0]?.operation).toBe('tts');
  });

  it('GIVEN Gemini TTS THEN PCM comes back with an exact duration', async () => {
    env.emulators.gemini.enqueue(llmReply.speech(new Uint8Array(48_000)));
    const result = await env.llm.speech({ provider: 'gemini', text: 'hi' });
    expect(result.durationSeconds).toBe(1);
    expect(result.mimeType).toContain('audio/L16');
  });

  it('GIVEN whisper-1 THEN the transcription is priced by the reported seconds', async () => {
    env.emulators.openai.enqueue(llmReply.transcription('hello world', { durationSeconds: 12 }));
    const result = await env.llm.transcribe({ provider: 'openai', model: 'whisper-1', audio: new Uint8Array([1, 2, 3]) });
    expect(result.text).toBe('hello world');
    // 12 s × $0.0001
    expect(result.costUsd).toBe('0.0012000000');
    await env.llm.flush();
    expect(env.sink.rows[0]).toMatchObject({ requestType: 'transcription', units: '12' });
  });

  it('GIVEN xAI /stt THEN the multipart upload returns the text', async () => {
    env.emulators.xai.enqueue(llmReply.transcription('bonjour', { durationSeconds: 3 }));
    const result = await env.llm.transcribe({ provider: 'xai', audio: new Uint8Array([1]) });
    expect(result.text).toBe('bonjour');
    expect(env.emulators.xai.requests[0]?.operation).toBe('stt');
  });
});
