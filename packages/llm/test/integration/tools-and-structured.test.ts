import { llmReply } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, LlmStructuredOutputError, type LlmProvider } from '../../src/index.js';
import { emulatedService, emulatorOf as emulatorOfProvider } from '../support/emulated-providers.js';

let env: Awaited<ReturnType<typeof emulatedService>>;
beforeAll(async () => {
  env = await emulatedService();
});
afterAll(() => env.close());
beforeEach(() => env.reset());

const emulatorOf = (provider: LlmProvider) => emulatorOfProvider(env.emulators, provider);

const weather = defineTool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => ({ city, tempC: city === 'Oslo' ? 4 : 9 }),
});

describe.each(['openai', 'anthropic', 'gemini', 'xai'] as const)('tools through %s', (provider) => {
  it('GIVEN parallel tool calls THEN they come back typed and validated, with invalid ones flagged', async () => {
    emulatorOf(provider).enqueue(
      llmReply.toolCalls([
        { name: 'get_weather', arguments: { city: 'Oslo' } },
        { name: 'get_weather', arguments: { town: 'Bergen' } },
      ]),
    );
    const result = await env.llm.complete({ provider, prompt: 'Weather in Oslo and Bergen?', tools: [weather] });
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toHaveLength(2);
    expect(result.toolCalls[0]).toMatchObject({ name: 'get_weather', arguments: { city: 'Oslo' } });
    expect(result.toolCalls[0]?.error).toBeUndefined();
    expect(result.toolCalls[1]?.error).toMatch(/city/);
    const sent = JSON.stringify(emulatorOf(provider).requests[0]?.body);
    expect(sent).toContain('get_weather');
    await env.llm.flush();
    expect(env.sink.rows[0]?.requestType).toBe('function_call');
  });

  it('GIVEN runTools THEN results are fed back in the next turn and the loop ends with the final answer', async () => {
    emulatorOf(provider).enqueue(
      llmReply.toolCalls([
        { name: 'get_weather', arguments: { city: 'Oslo' } },
        { name: 'get_weather', arguments: { city: 'Bergen' } },
      ]),
      llmReply.text('Oslo 4°C, Bergen 9°C.'),
    );
    const result = await env.llm.runTools({ provider, prompt: 'Weather?', tools: [weather] });
    expect(result.text).toBe('Oslo 4°C, Bergen 9°C.');
    expect(result.steps).toHaveLength(2);
    expect(result.messages.filter((m) => m.role === 'tool')).toHaveLength(2);
    const second = JSON.stringify(emulatorOf(provider).requests[1]?.body);
    expect(second).toContain('tempC');
    expect(second).toContain('Bergen');
    expect(Number(result.costUsd)).toBeCloseTo(Number(result.steps[0]!.costUsd) + Number(result.steps[1]!.costUsd), 10);
  });

  it('GIVEN a model that keeps calling tools THEN the step limit forces a final answer without tools', async () => {
    emulatorOf(provider).script((request) => {
      const body = JSON.stringify(request.body);
      const noTools = /"tool_choice":\{"type":"none"\}|"tool_choice":"none"|"mode":"NONE"/.test(body);
      return noTools ? llmReply.text('giving up') : llmReply.toolCalls([{ name: 'get_weather', arguments: { city: 'Oslo' } }]);
    });
    const result = await env.llm.runTools({ provider, prompt: 'loop', tools: [weather], maxSteps: 2 });
    expect(result.stepLimitReached).toBe(true);
    expect(result.steps).toHaveLength(3);
    expect(result.text).toBe('giving up');
  });
});

const Person = z.object({
  name: z.string(),
  age: z.number().int().min(0),
  nickname: z.string().optional(),
  role: z.union([z.literal('admin'), z.literal('user')]),
});

describe.each(['openai', 'anthropic', 'gemini', 'xai'] as const)('completeStructured() through %s', (provider) => {
  it('GIVEN a zod schema THEN the native JSON mode gets a schema in the provider dialect and the answer is parsed', async () => {
    // OpenAI strict mode answers optional fields with null; it must come back as undefined.
    emulatorOf(provider).enqueue(llmReply.json({ name: 'Ada', age: 36, nickname: null, role: 'admin' }));
    const result = await env.llm.completeStructured({ provider, prompt: 'Who?', schema: Person });
    expect(result.parsed).toEqual({ name: 'Ada', age: 36, role: 'admin' });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- provider-specific JSON bodies
    const body = emulatorOf(provider).requests[0]?.body as Record<string, any>;
    if (provider === 'openai' || provider === 'xai') {
      const schema = body.response_format.json_schema.schema;
      expect(schema.required).toEqual(['name', 'age', 'nickname', 'role']);
      expect(schema.additionalProperties).toBe(false);
      expect(schema.properties.nickname.type).toEqual(['string', 'null']);
    } else if (provider === 'anthropic') {
      const schema = body.output_config.format.schema;
      expect(schema.additionalProperties).toBe(false);
      expect(schema.properties.age.minimum).toBeUndefined();
    } else {
      expect(body.generationConfig?.responseMimeType ?? body.responseMimeType).toBe('application/json');
      expect(body.generationConfig?.responseJsonSchema ?? body.responseJsonSchema).toBeDefined();
    }
    await env.llm.flush();
    expect(env.sink.rows[0]?.requestType).toBe('structured');
  });

  it('GIVEN an invalid answer twice THEN a structured-output error carries the raw text', async () => {
    emulatorOf(provider).enqueue(llmReply.json({ name: 'Ada', age: -1, role: 'root' }), llmReply.text('not json at all'));
    const error = await env.llm.completeStructured({ provider, prompt: 'Who?', schema: Person }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmStructuredOutputError);
    expect((error as LlmStructuredOutputError).rawText).toBe('not json at all');
    expect(emulatorOf(provider).requests).toHaveLength(2);
  });

  it('GIVEN an invalid answer then a corrected one THEN the repair turn succeeds', async () => {
    emulatorOf(provider).enqueue(llmReply.json({ name: 'Ada', age: -1, role: 'admin' }), llmReply.json({ name: 'Ada', age: 36, role: 'admin' }));
    const result = await env.llm.completeStructured({ provider, prompt: 'Who?', schema: Person });
    expect(result.parsed.age).toBe(36);
    expect(JSON.stringify(emulatorOf(provider).requests[1]?.body)).toContain('did not match');
  });
});
