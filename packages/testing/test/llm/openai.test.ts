import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator, RecordedMultipart } from '../../src/llm/types.js';

let emulator: LlmEmulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'openai' });
  client = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0, timeout: 5_000 });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const messages = [{ role: 'user' as const, content: 'Weather in Oslo?' }];

describe('OpenAI emulator: Chat Completions', () => {
  it('GIVEN nothing scripted THEN the default responder echoes the prompt with estimated usage', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-5.4-mini', messages });
    expect(completion.choices[0]?.message.content).toBe('Echo: Weather in Oslo?');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 });
    expect(emulator.requests[0]).toMatchObject({ operation: 'chat.completions', model: 'gpt-5.4-mini', stream: false, attempt: 0 });
    expect(emulator.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('GIVEN scripted usage THEN prompt_tokens includes cached tokens and completion_tokens includes reasoning', async () => {
    emulator.enqueue(llmReply.text('Cold.', { usage: { input: 2_000, cacheRead: 8_000, output: 200, reasoning: 300 } }));
    const { usage } = await client.chat.completions.create({ model: 'gpt-5.4', messages });
    expect(usage).toMatchObject({
      prompt_tokens: 10_000,
      completion_tokens: 500,
      total_tokens: 10_500,
      prompt_tokens_details: { cached_tokens: 8_000 },
      completion_tokens_details: { reasoning_tokens: 300 },
    });
  });

  it('GIVEN a stream with include_usage THEN text arrives in chunks AND the last chunk carries usage', async () => {
    emulator.enqueue(llmReply.text('It is four degrees.', { usage: { input: 10, output: 5 } }));
    const stream = await client.chat.completions.create({
      model: 'gpt-5.4-mini',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const usages: unknown[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usages.push(chunk.usage);
    }
    expect(text).toBe('It is four degrees.');
    expect(usages).toEqual([expect.objectContaining({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 })]);
  });

  it('GIVEN a stream without include_usage THEN no chunk carries usage', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt-5.4-mini', messages, stream: true });
    let usage: unknown;
    for await (const chunk of stream) usage ??= chunk.usage;
    expect(usage).toBeUndefined();
  });

  it('GIVEN parallel tool calls THEN the SDK sees call ids and JSON-string arguments, streamed or not', async () => {
    const calls = [
      { name: 'get_weather', arguments: { city: 'Oslo' } },
      { name: 'get_weather', arguments: { city: 'Bergen' } },
    ];
    emulator.enqueue(llmReply.toolCalls(calls), llmReply.toolCalls(calls));
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      },
    ];
    const completion = await client.chat.completions.create({ model: 'gpt-5.4-mini', messages, tools });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    const toolCalls = choice?.message.tool_calls ?? [];
    expect(toolCalls.map((c) => (c.type === 'function' ? JSON.parse(c.function.arguments) : null))).toEqual([{ city: 'Oslo' }, { city: 'Bergen' }]);
    expect(toolCalls[0]?.id).toMatch(/^call_/);

    const stream = client.chat.completions.stream({ model: 'gpt-5.4-mini', messages, tools });
    const final = await stream.finalChatCompletion();
    const streamed = final.choices[0]?.message.tool_calls ?? [];
    expect(streamed.map((c) => (c.type === 'function' ? c.function.arguments : ''))).toEqual(['{"city":"Oslo"}', '{"city":"Bergen"}']);
  });

  it('GIVEN a json_schema response_format THEN the SDK parses the structured output', async () => {
    emulator.enqueue(llmReply.json({ city: 'Oslo', temp_c: 4 }));
    const completion = await client.chat.completions.parse({
      model: 'gpt-5.4-mini',
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'weather',
          strict: true,
          schema: {
            type: 'object',
            properties: { city: { type: 'string' }, temp_c: { type: 'number' } },
            required: ['city', 'temp_c'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(completion.choices[0]?.message.parsed).toEqual({ city: 'Oslo', temp_c: 4 });
  });

  it('GIVEN a refusal THEN message.refusal holds the text and content is null', async () => {
    emulator.enqueue(llmReply.text('I cannot help with that.', { stopReason: 'refusal' }));
    const completion = await client.chat.completions.create({ model: 'gpt-5.4-mini', messages });
    expect(completion.choices[0]?.message).toMatchObject({ content: null, refusal: 'I cannot help with that.' });
  });
});

describe('OpenAI emulator: Responses', () => {
  it('GIVEN a text reply THEN output_text and Responses usage (cache writes by TTL) reach the SDK', async () => {
    emulator.enqueue(llmReply.text('Hello there', { usage: { input: 10, cacheRead: 20, cacheWrite5m: 5, output: 3, reasoning: 7 } }));
    const response = await client.responses.create({ model: 'gpt-5.4', input: 'Hi' });
    expect(response.output_text).toBe('Hello there');
    expect(response.usage).toMatchObject({
      input_tokens: 35,
      input_tokens_details: { cached_tokens: 20, cache_write_tokens: 5 },
      output_tokens: 10,
      output_tokens_details: { reasoning_tokens: 7 },
      total_tokens: 45,
    });
  });

  it('GIVEN a stream THEN deltas arrive AND usage comes only in response.completed', async () => {
    emulator.enqueue(llmReply.text('Streaming works', { usage: { input: 4, output: 2 } }));
    const stream = await client.responses.create({ model: 'gpt-5.4', input: 'Hi', stream: true });
    let text = '';
    let usage: unknown;
    const types: string[] = [];
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') usage = event.response.usage;
    }
    expect(text).toBe('Streaming works');
    expect(types.at(-1)).toBe('response.completed');
    expect(usage).toMatchObject({ input_tokens: 4, output_tokens: 2 });
  });

  it('GIVEN tool calls THEN function_call items carry call ids and arguments', async () => {
    emulator.enqueue(llmReply.toolCalls([{ name: 'get_weather', arguments: { city: 'Oslo' }, id: 'call_x' }]));
    const response = await client.responses.create({
      model: 'gpt-5.4',
      input: 'Weather?',
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: {} }, strict: false }],
    });
    expect(response.output[0]).toMatchObject({ type: 'function_call', call_id: 'call_x', arguments: '{"city":"Oslo"}' });
  });
});

describe('OpenAI emulator: images and audio', () => {
  it('GIVEN an image generation THEN GPT image models answer base64 with image usage', async () => {
    emulator.enqueue(llmReply.image([{ b64: 'aGVsbG8=' }], { usage: { input: 40, output: 1056 } }));
    const result = await client.images.generate({ model: 'gpt-image-2', prompt: 'A fjord' });
    expect(result.data?.[0]?.b64_json).toBe('aGVsbG8=');
    expect(result.usage).toMatchObject({ input_tokens: 40, output_tokens: 1056, total_tokens: 1096 });
  });

  it('GIVEN an image edit (multipart) THEN the upload is recorded AND base64 comes back', async () => {
    const image = await toFile(Buffer.from('png'), 'in.png', { type: 'image/png' });
    const result = await client.images.edit({ model: 'gpt-image-2', image, prompt: 'Add a boat' });
    expect(result.data?.[0]?.b64_json).toBeTruthy();
    const body = emulator.requests[0]?.body as RecordedMultipart;
    expect(body.fields.prompt).toBe('Add a boat');
    expect(body.files[0]?.filename).toBe('in.png');
  });

  it('GIVEN dall-e-3 or response_format on a GPT image model THEN the real API errors come back', async () => {
    await expect(client.images.generate({ model: 'dall-e-3', prompt: 'x' })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(client.images.generate({ model: 'gpt-image-2', prompt: 'x', response_format: 'url' })).rejects.toMatchObject({
      status: 400,
      param: 'response_format',
    });
  });

  it('GIVEN speech THEN the SDK receives the raw audio bytes', async () => {
    emulator.enqueue(llmReply.speech(new Uint8Array([1, 2, 3, 4])));
    const response = await client.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Hei' });
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3, 4]);
  });

  it('GIVEN a transcription THEN the text and token usage return AND the uploaded file is recorded', async () => {
    emulator.enqueue(llmReply.transcription('Hei verden', { usage: { input: 110, output: 3 } }));
    const file = await toFile(Buffer.from('RIFF fake wav'), 'hello.wav', { type: 'audio/wav' });
    const result = await client.audio.transcriptions.create({ model: 'gpt-4o-transcribe', file });
    expect(result.text).toBe('Hei verden');
    expect(result.usage).toMatchObject({ type: 'tokens', input_tokens: 110, output_tokens: 3, total_tokens: 113 });
    const body = emulator.requests[0]?.body as RecordedMultipart;
    expect(body.fields.model).toBe('gpt-4o-transcribe');
    expect(body.files[0]).toMatchObject({ field: 'file', filename: 'hello.wav', size: 13 });
  });

  it('GIVEN whisper-1 THEN usage is reported in seconds', async () => {
    emulator.enqueue(llmReply.transcription('Hi', { durationSeconds: 12 }));
    const file = await toFile(Buffer.from('x'), 'a.mp3');
    const result = await client.audio.transcriptions.create({ model: 'whisper-1', file });
    expect(result.usage).toEqual({ type: 'duration', seconds: 12 });
  });
});
