import { GoogleGenAI, Modality } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator } from '../../src/llm/types.js';

let emulator: LlmEmulator;
let client: GoogleGenAI;

beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'gemini' });
  client = new GoogleGenAI({ apiKey: emulator.apiKey, httpOptions: { baseUrl: emulator.baseURL, timeout: 5_000 } });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const model = 'gemini-2.5-flash';

describe('Google emulator: generateContent', () => {
  it('GIVEN nothing scripted THEN the SDK (API v1) gets an echo AND the key travels in x-goog-api-key', async () => {
    const response = await client.models.generateContent({ model, contents: 'Weather in Oslo?' });
    expect(response.text).toBe('Echo: Weather in Oslo?');
    expect(emulator.requests[0]).toMatchObject({ path: `/v1/models/${model}:generateContent`, model, operation: 'generateContent' });
    expect(emulator.requests[0]?.headers['x-goog-api-key']).toBeUndefined();
  });

  it('GIVEN a served tier THEN it travels in the x-gemini-service-tier header, standard by default, on streams too', async () => {
    const plain = await client.models.generateContent({ model, contents: 'Hi' });
    expect(plain.sdkHttpResponse?.headers?.['x-gemini-service-tier']).toBe('standard');
    emulator.enqueue(llmReply.text('Fast.', { serviceTier: 'priority' }));
    const priority = await client.models.generateContent({ model, contents: 'Hi' });
    expect(priority.sdkHttpResponse?.headers?.['x-gemini-service-tier']).toBe('priority');
    emulator.enqueue(llmReply.text('Fast again.', { serviceTier: 'priority' }));
    for await (const chunk of await client.models.generateContentStream({ model, contents: 'Hi' })) {
      expect(chunk.sdkHttpResponse?.headers?.['x-gemini-service-tier']).toBe('priority');
    }
  });

  it('GIVEN v1beta THEN the same routes answer', async () => {
    const beta = new GoogleGenAI({ apiKey: emulator.apiKey, httpOptions: { baseUrl: emulator.baseURL, apiVersion: 'v1beta' } });
    const response = await beta.models.generateContent({ model, contents: 'Hi' });
    expect(response.text).toBe('Echo: Hi');
    expect(emulator.requests[0]?.path).toBe(`/v1beta/models/${model}:generateContent`);
  });

  it('GIVEN cached and thinking tokens THEN promptTokenCount includes the cache AND candidates exclude thoughts', async () => {
    emulator.enqueue(llmReply.text('Cold.', { usage: { input: 2_000, cacheRead: 8_000, output: 500, reasoning: 300 } }));
    const response = await client.models.generateContent({ model, contents: 'Weather?' });
    expect(response.usageMetadata).toMatchObject({
      promptTokenCount: 10_000,
      cachedContentTokenCount: 8_000,
      candidatesTokenCount: 500,
      thoughtsTokenCount: 300,
      totalTokenCount: 10_800,
    });
  });

  it('GIVEN a stream THEN text arrives in chunks AND the last chunk holds the cumulative usage', async () => {
    emulator.enqueue(llmReply.text('Four degrees and rain.', { usage: { input: 10, output: 6 } }));
    const stream = await client.models.generateContentStream({ model, contents: 'Weather?' });
    const texts: string[] = [];
    let last: unknown;
    for await (const chunk of stream) {
      texts.push(chunk.text ?? '');
      last = chunk.usageMetadata;
    }
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('')).toBe('Four degrees and rain.');
    expect(last).toMatchObject({ promptTokenCount: 10, candidatesTokenCount: 6, totalTokenCount: 16 });
    expect(emulator.requests[0]?.query.alt).toBe('sse');
  });

  it('GIVEN parallel function calls on Gemini 3 THEN functionCall parts arrive AND the first carries a thoughtSignature', async () => {
    emulator.enqueue(
      llmReply.toolCalls([
        { name: 'get_weather', arguments: { city: 'Oslo' } },
        { name: 'get_weather', arguments: { city: 'Bergen' } },
      ]),
    );
    const response = await client.models.generateContent({
      model: 'gemini-3-flash-preview',
      contents: 'Weather?',
      config: {
        tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: { type: 'object' } }] }],
      },
    });
    expect(response.functionCalls?.map((call) => call.args)).toEqual([{ city: 'Oslo' }, { city: 'Bergen' }]);
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(response.candidates?.[0]?.content?.parts?.[0]?.thoughtSignature).toBeTruthy();
  });

  it('GIVEN responseJsonSchema THEN the structured JSON is the response text', async () => {
    emulator.enqueue(llmReply.json({ city: 'Oslo', tempC: 4 }));
    const response = await client.models.generateContent({
      model,
      contents: 'Weather?',
      config: { responseMimeType: 'application/json', responseJsonSchema: { type: 'object' } },
    });
    expect(JSON.parse(response.text ?? '')).toEqual({ city: 'Oslo', tempC: 4 });
    const sent = emulator.requests[0]?.body as { generationConfig?: Record<string, unknown> };
    expect(sent.generationConfig?.responseMimeType).toBe('application/json');
  });

  it('GIVEN function declarations with JSON mode on Gemini 2 THEN 400 as the real API answers', async () => {
    const error = await client.models
      .generateContent({
        model,
        contents: 'Weather?',
        config: {
          responseMimeType: 'application/json',
          tools: [{ functionDeclarations: [{ name: 'get_weather' }] }],
        },
      })
      .catch((e: unknown) => e as { status?: number; message: string });
    expect(error).toMatchObject({ name: 'ApiError', status: 400 });
    expect(JSON.parse((error as { message: string }).message).error.status).toBe('INVALID_ARGUMENT');
  });
});

describe('Google emulator: images and speech', () => {
  it('GIVEN an image model THEN inlineData image parts come back with IMAGE output tokens', async () => {
    emulator.enqueue(llmReply.image([{ b64: 'aGVsbG8=', mimeType: 'image/png' }], { text: 'Here it is.' }));
    const response = await client.models.generateContent({
      model: 'gemini-2.5-flash-image',
      contents: 'A fjord',
      config: { responseModalities: [Modality.TEXT, Modality.IMAGE] },
    });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts.find((p) => p.inlineData)?.inlineData).toEqual({ mimeType: 'image/png', data: 'aGVsbG8=' });
    expect(response.usageMetadata?.candidatesTokensDetails).toEqual([{ modality: 'IMAGE', tokenCount: 1290 }]);
  });

  // genai 3.x only calls :predict on Vertex AI, so the Gemini API route is exercised over plain HTTP.
  it('GIVEN an Imagen :predict request THEN predictions carry the scripted image bytes', async () => {
    emulator.enqueue(llmReply.image([{ b64: 'aGVsbG8=' }]));
    const response = await fetch(`${emulator.baseURL}/v1beta/models/imagen-4.0-generate-001:predict`, {
      method: 'POST',
      headers: { 'x-goog-api-key': emulator.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [{ prompt: 'A fjord' }], parameters: { sampleCount: 1 } }),
    });
    expect(await response.json()).toEqual({ predictions: [{ bytesBase64Encoded: 'aGVsbG8=', mimeType: 'image/png' }] });
    expect(emulator.requests[0]?.operation).toBe('predict');
  });

  it('GIVEN a TTS model THEN the audio arrives as base64 16-bit PCM with its rate in the mime type', async () => {
    emulator.enqueue(llmReply.speech(new Uint8Array([0, 1, 2, 3])));
    const response = await client.models.generateContent({
      model: 'gemini-2.5-flash-preview-tts',
      contents: 'Say hello',
      config: {
        responseModalities: [Modality.AUDIO],
        speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } },
      },
    });
    const inline = response.candidates?.[0]?.content?.parts?.[0]?.inlineData;
    expect(inline?.mimeType).toBe('audio/L16;rate=24000');
    expect([...Buffer.from(inline?.data ?? '', 'base64')]).toEqual([0, 1, 2, 3]);
  });

  it('GIVEN an audio part for transcription THEN the scripted transcript is the response text', async () => {
    emulator.enqueue(llmReply.transcription('Hei verden'));
    const response = await client.models.generateContent({
      model,
      contents: [
        {
          role: 'user',
          parts: [{ text: 'Transcribe this.' }, { inlineData: { mimeType: 'audio/wav', data: Buffer.from('RIFF').toString('base64') } }],
        },
      ],
    });
    expect(response.text).toBe('Hei verden');
  });
});
