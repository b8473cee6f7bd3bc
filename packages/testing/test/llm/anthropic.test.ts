import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator } from '../../src/llm/types.js';

let emulator: LlmEmulator;
let client: Anthropic;

beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'anthropic' });
  client = new Anthropic({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0, timeout: 5_000 });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const base = { model: 'claude-sonnet-4-6', max_tokens: 1024, messages: [{ role: 'user' as const, content: 'Weather in Oslo?' }] };

describe('Anthropic emulator: Messages', () => {
  it('GIVEN nothing scripted THEN the SDK gets an echo with msg_ id, end_turn and request-id', async () => {
    const message = await client.messages.create(base);
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: Weather in Oslo?' });
    expect(message.id).toMatch(/^msg_/);
    expect(message.stop_reason).toBe('end_turn');
    expect(emulator.requests[0]?.headers['anthropic-version']).toBe('2026-10-21');
  });

  it('GIVEN cache reads and 5m/1h writes THEN input_tokens excludes them AND output includes thinking', async () => {
    emulator.enqueue(
      llmReply.text('Cold.', {
        reasoning: 'Oslo in winter.',
        usage: { input: 50, cacheRead: 8_000, cacheWrite5m: 1_500, cacheWrite1h: 500, output: 300, reasoning: 100 },
      }),
    );
    const message = await client.messages.create(base);
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(message.usage).toMatchObject({
      input_tokens: 50,
      cache_read_input_tokens: 8_000,
      cache_creation_input_tokens: 2_000,
      cache_creation: { ephemeral_5m_input_tokens: 1_500, ephemeral_1h_input_tokens: 500 },
      output_tokens: 400,
    });
  });

  it('GIVEN a stream THEN the SDK assembles text AND final usage comes from the cumulative message_delta', async () => {
    emulator.enqueue(llmReply.text('Four degrees and rain.', { usage: { input: 12, cacheRead: 100, output: 6 } }));
    const stream = client.messages.stream(base);
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const final = await stream.finalMessage();
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('Four degrees and rain.');
    expect(final.usage).toMatchObject({ input_tokens: 12, cache_read_input_tokens: 100, output_tokens: 6 });
  });

  it('GIVEN parallel tool calls THEN tool_use blocks carry toolu_ ids and object inputs, streamed or not', async () => {
    const calls = [
      { name: 'get_weather', arguments: { city: 'Oslo' } },
      { name: 'get_time', arguments: { zone: 'Europe/Oslo' } },
    ];
    emulator.enqueue(llmReply.toolCalls(calls, { text: 'Checking.' }), llmReply.toolCalls(calls));
    const tools = [
      { name: 'get_weather', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } } },
      { name: 'get_time', input_schema: { type: 'object' as const, properties: { zone: { type: 'string' } } } },
    ];
    const message = await client.messages.create({ ...base, tools });
    expect(message.stop_reason).toBe('tool_use');
    const uses = message.content.filter((block) => block.type === 'tool_use');
    expect(uses.map((u) => u.input)).toEqual([{ city: 'Oslo' }, { zone: 'Europe/Oslo' }]);
    expect(uses[0]?.id).toMatch(/^toolu_/);

    const streamed = await client.messages.stream({ ...base, tools }).finalMessage();
    const streamedUses = streamed.content.filter((block) => block.type === 'tool_use');
    expect(streamedUses.map((u) => u.input)).toEqual([{ city: 'Oslo' }, { zone: 'Europe/Oslo' }]);
  });

  it('GIVEN output_config.format THEN the JSON arrives as a text block', async () => {
    emulator.enqueue(llmReply.json({ city: 'Oslo' }));
    const message = await client.messages.create({
      ...base,
      output_config: {
        format: {
          type: 'json_schema',
          schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
        },
      },
    });
    const block = message.content[0];
    expect(block?.type === 'text' ? JSON.parse(block.text) : undefined).toEqual({ city: 'Oslo' });
  });

  it('GIVEN count_tokens THEN it answers without consuming a scripted reply', async () => {
    emulator.enqueue(llmReply.text('scripted'));
    const count = await client.messages.countTokens({ model: base.model, messages: base.messages });
    expect(count.input_tokens).toBe(4);
    const message = await client.messages.create(base);
    expect(message.content[0]).toMatchObject({ text: 'scripted' });
  });
});

describe('Anthropic emulator: validation', () => {
  it('GIVEN no max_tokens THEN a 400 invalid_request_error names the field', async () => {
    const { max_tokens: _omit, ...withoutMax } = base;
    const error = await client.messages.create(withoutMax as typeof base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).message).toContain('max_tokens: Field required');
  });

  it('GIVEN temperature on API 2026-10-21 THEN 400, but on 2023-06-01 only models without sampling reject it', async () => {
    const sampled = { ...base, temperature: 0.2 } as typeof base;
    await expect(client.messages.create(sampled)).rejects.toBeInstanceOf(Anthropic.BadRequestError);

    const legacy = new Anthropic({
      apiKey: emulator.apiKey,
      baseURL: emulator.baseURL,
      maxRetries: 0,
      defaultHeaders: { 'anthropic-version': '2023-06-01' },
    });
    await expect(legacy.messages.create(sampled)).resolves.toMatchObject({ type: 'message' });
    await expect(legacy.messages.create({ ...sampled, model: 'claude-opus-4-7' })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('GIVEN a tool without input_schema THEN 400', async () => {
    const tools = [{ name: 'get_weather' }] as unknown as Anthropic.Tool[];
    await expect(client.messages.create({ ...base, tools })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(emulator.requests[0]?.reply).toMatchObject({ kind: 'error', reason: 'invalid_request' });
  });
});
