import { llmFault, llmReply, type RecordedMultipart } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatedService } from '../support/emulated-providers.js';

// The options of images, speech and transcription as each provider's wire format carries them, and what comes
// back (sizes, revised prompts, exact or estimated audio lengths, token or second usage).

let env: Awaited<ReturnType<typeof emulatedService>>;
beforeAll(async () => {
  env = await emulatedService();
});
afterAll(() => env.close());
beforeEach(() => env.reset());

const bodyOf = (emulator: { requests: Array<{ body: unknown }> }) => emulator.requests[0]?.body as Record<string, unknown>;
const fieldsOf = (emulator: { requests: Array<{ body: unknown }> }) => (emulator.requests[0]?.body as RecordedMultipart).fields;

describe('image options', () => {
  it('GIVEN size and quality for a GPT image model THEN both are sent and response_format is not', async () => {
    await env.llm.generateImage({ provider: 'openai', model: 'gpt-image-2', prompt: 'a fox', size: '1536x1024', quality: 'high', responseFormat: 'url' });
    const body = bodyOf(env.emulators.openai);
    expect(body).toMatchObject({ size: '1536x1024', quality: 'high', n: 1 });
    expect(body).not.toHaveProperty('response_format');
  });

  it('GIVEN xAI with an aspect ratio and a revised prompt THEN the ratio is sent and the revised prompt comes back', async () => {
    env.emulators.xai.enqueue(llmReply.image([{ revisedPrompt: 'a red fox in snow' }]));
    const result = await env.llm.generateImage({ provider: 'xai', prompt: 'a fox', aspectRatio: '16:9', responseFormat: 'b64_json' });
    expect(bodyOf(env.emulators.xai)).toMatchObject({ aspect_ratio: '16:9', response_format: 'b64_json' });
    expect(result.images).toEqual([expect.objectContaining({ revisedPrompt: 'a red fox in snow', b64: expect.any(String) })]);
  });

  it('GIVEN an aspect ratio for OpenAI THEN it is not sent (only xAI and Gemini take one)', async () => {
    await env.llm.generateImage({ provider: 'openai', prompt: 'a fox', aspectRatio: '16:9' });
    expect(bodyOf(env.emulators.openai)).not.toHaveProperty('aspect_ratio');
  });

  it('GIVEN Gemini with an aspect ratio THEN it goes in imageConfig', async () => {
    env.emulators.gemini.enqueue(llmReply.image([{ b64: 'aW1n' }]));
    const result = await env.llm.generateImage({ provider: 'gemini', prompt: 'a fox', aspectRatio: '1:1' });
    expect(bodyOf(env.emulators.gemini)).toMatchObject({ generationConfig: { imageConfig: { aspectRatio: '1:1' } } });
    expect(result.images).toEqual([{ b64: 'aW1n', mimeType: 'image/png' }]);
  });
});

describe('speech options', () => {
  it('GIVEN gpt-4o-mini-tts with instructions and pcm THEN instructions are sent and the length is exact from the bytes', async () => {
    env.emulators.openai.enqueue(llmReply.speech(new Uint8Array(96_000)));
    const result = await env.llm.speech({ provider: 'openai', text: 'Hello', format: 'pcm', voice: 'nova', instructions: 'cheerful' });
    expect(bodyOf(env.emulators.openai)).toMatchObject({ model: 'gpt-4o-mini-tts', voice: 'nova', response_format: 'pcm', instructions: 'cheerful' });
    // 96 000 bytes of 24 kHz 16-bit mono PCM = 2 s
    expect(result.durationSeconds).toBe(2);
    await env.llm.flush();
    expect(env.sink.rows[0]).toMatchObject({
      requestType: 'speech',
      units: '2',
      metadata: expect.objectContaining({ usageEstimated: true, durationExact: true }),
    });
  });

  it('GIVEN wav THEN the 44-byte header is not counted as audio', async () => {
    env.emulators.openai.enqueue(llmReply.speech(new Uint8Array(48_044)));
    const result = await env.llm.speech({ provider: 'openai', text: 'Hello', format: 'wav' });
    expect(result.durationSeconds).toBe(1);
    expect(result.mimeType).toBe('audio/wav');
  });

  it('GIVEN mp3 from gpt-4o-mini-tts THEN the length is an estimate, flagged as such', async () => {
    env.emulators.openai.enqueue(llmReply.speech(new Uint8Array(8_000)));
    const result = await env.llm.speech({ provider: 'openai', text: 'Hello' });
    // 8 000 bytes at the assumed 16 000 bytes per second
    expect(result.durationSeconds).toBe(0.5);
    await env.llm.flush();
    expect(env.sink.rows[0]?.metadata).toMatchObject({ usageEstimated: true, durationExact: false });
  });

  it('GIVEN tts-1 with instructions THEN they are left out (tts-1 takes none)', async () => {
    env.emulators.openai.enqueue(llmReply.speech(new Uint8Array([1])));
    await env.llm.speech({ provider: 'openai', model: 'tts-1', text: 'Hello', instructions: 'cheerful' });
    expect(bodyOf(env.emulators.openai)).not.toHaveProperty('instructions');
  });

  it('GIVEN xAI /tts with a voice THEN voice_id is sent AND a provider error surfaces as a typed error', async () => {
    env.emulators.xai.enqueue(llmReply.speech(new Uint8Array([7]), { contentType: 'audio/ogg' }));
    const result = await env.llm.speech({ provider: 'xai', text: 'hi', voice: 'ara' });
    expect(bodyOf(env.emulators.xai)).toMatchObject({ text: 'hi', voice_id: 'ara' });
    expect(result.mimeType).toBe('audio/ogg');

    env.emulators.xai.enqueue(llmFault.invalidRequest('text too long'));
    await expect(env.llm.speech({ provider: 'xai', text: 'hi', fallbacks: [] })).rejects.toThrow(
      expect.objectContaining({ code: 'BL_ERR_LLM_INVALID_REQUEST' }),
    );
  });

  it('GIVEN Gemini audio at another sample rate THEN the length follows the rate in the mime type', async () => {
    env.emulators.gemini.enqueue(llmReply.speech(new Uint8Array(32_000), { contentType: 'audio/L16;rate=16000' }));
    const result = await env.llm.speech({ provider: 'gemini', text: 'hi', voice: 'Puck' });
    // 32 000 bytes of 16 kHz 16-bit mono = 1 s
    expect(result.durationSeconds).toBe(1);
    expect(bodyOf(env.emulators.gemini)).toMatchObject({ generationConfig: { speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } } } });
  });
});

describe('transcription options', () => {
  it('GIVEN gpt-4o-mini-transcribe with a language and a prompt THEN both are sent and audio tokens are counted', async () => {
    env.emulators.openai.enqueue(llmReply.transcription('hej', { usage: { input: 30, output: 2 } }));
    const result = await env.llm.transcribe({
      provider: 'openai',
      audio: new Uint8Array([1, 2]),
      language: 'sv',
      prompt: 'names: Åsa',
      filename: 'a.wav',
      mimeType: 'audio/wav',
    });
    expect(result.text).toBe('hej');
    expect(fieldsOf(env.emulators.openai)).toMatchObject({ language: 'sv', prompt: 'names: Åsa', model: 'gpt-4o-mini-transcribe' });
    await env.llm.flush();
    expect(env.sink.rows[0]).toMatchObject({ requestType: 'transcription', promptTokens: 30, completionTokens: 2 });
  });

  it('GIVEN xAI /stt with a language THEN it is sent AND a provider error surfaces as a typed error', async () => {
    env.emulators.xai.enqueue(llmReply.transcription('salut', { durationSeconds: 2 }));
    expect((await env.llm.transcribe({ provider: 'xai', audio: new Uint8Array([1]), language: 'fr' })).text).toBe('salut');
    expect(fieldsOf(env.emulators.xai)).toMatchObject({ language: 'fr' });

    env.emulators.xai.enqueue(llmFault.unauthorized());
    await expect(env.llm.transcribe({ provider: 'xai', audio: new Uint8Array([1]), fallbacks: [] })).rejects.toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^BL_ERR_LLM_/) }),
    );
  });

  it('GIVEN Gemini THEN the audio goes inline with the prompt and the answer text is the transcript', async () => {
    env.emulators.gemini.enqueue(llmReply.transcription('hallo welt'));
    const result = await env.llm.transcribe({ provider: 'gemini', audio: new Uint8Array([1, 2, 3]), mimeType: 'audio/ogg', prompt: 'German speech' });
    expect(result.text).toBe('hallo welt');
    const parts = (bodyOf(env.emulators.gemini).contents as Array<{ parts: Array<Record<string, unknown>> }>)[0]?.parts;
    expect(parts).toEqual([{ text: 'German speech' }, { inlineData: { mimeType: 'audio/ogg', data: Buffer.from([1, 2, 3]).toString('base64') } }]);

    env.emulators.gemini.enqueue(llmReply.transcription('default prompt'));
    await env.llm.transcribe({ provider: 'gemini', audio: new Uint8Array([1]) });
    const second = (env.emulators.gemini.requests[1]?.body as { contents: Array<{ parts: Array<Record<string, unknown>> }> }).contents[0]?.parts;
    expect(second?.[0]).toEqual({ text: expect.stringContaining('Transcribe') });
    expect(second?.[1]).toMatchObject({ inlineData: { mimeType: 'audio/mpeg' } });
  });
});
