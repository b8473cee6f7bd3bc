import { llmReply } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from '../../src/index.js';
import { emulatedService } from '../support/emulated-providers.js';

// Generation parameters and tool choices as each provider's API spells them, read from what its emulator
// received; only parameters the model accepts are sent (see model-capabilities.ts for which model takes what).

let env: Awaited<ReturnType<typeof emulatedService>>;
beforeAll(async () => {
  env = await emulatedService();
});
afterAll(() => env.close());
beforeEach(() => env.reset());

const sampling = { temperature: 0.3, topP: 0.9, topK: 40, stop: ['END'], seed: 7, presencePenalty: 0.1, frequencyPenalty: 0.2, maxTokens: 50 };
const lookup = defineTool({ name: 'lookup', description: 'Looks up a word', parameters: z.object({ word: z.string() }), execute: ({ word }) => word });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are provider JSON read field by field
const bodyOf = (emulator: { requests: Array<{ body: unknown }> }, index = 0) => emulator.requests[index]?.body as Record<string, any>;

describe('OpenAI', () => {
  it('GIVEN sampling parameters on gpt-4.1 THEN each is sent under its own name, topK dropped', async () => {
    await env.llm.complete({ provider: 'openai', model: 'gpt-4.1', prompt: 'x', ...sampling });
    expect(bodyOf(env.emulators.openai)).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      stop: ['END'],
      seed: 7,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      max_completion_tokens: 50,
    });
    expect(bodyOf(env.emulators.openai)).not.toHaveProperty('top_k');
  });

  it('GIVEN a reasoning effort, a forced tool and no parallel calls THEN reasoning_effort, a function tool_choice and parallel_tool_calls false', async () => {
    env.emulators.openai.enqueue(llmReply.toolCalls([{ name: 'lookup', arguments: { word: 'a' } }]));
    const result = await env.llm.complete({
      provider: 'openai',
      prompt: 'x',
      reasoningEffort: 'low',
      tools: [lookup],
      toolChoice: { name: 'lookup' },
      parallelToolCalls: false,
    });
    expect(bodyOf(env.emulators.openai)).toMatchObject({
      reasoning_effort: 'low',
      tool_choice: { type: 'function', function: { name: 'lookup' } },
      parallel_tool_calls: false,
    });
    expect(result.toolCalls).toEqual([expect.objectContaining({ name: 'lookup', arguments: { word: 'a' } })]);
  });

  it('GIVEN a streamed answer with a tool call THEN the call arrives assembled from its pieces', async () => {
    env.emulators.openai.enqueue(llmReply.toolCalls([{ name: 'lookup', arguments: { word: 'streamed' } }], { text: 'looking' }));
    const stream = env.llm.stream({ provider: 'openai', model: 'gpt-4.1', prompt: 'x', tools: [lookup], toolChoice: 'required' });
    for await (const chunk of stream) void chunk;
    const result = await stream.result;
    expect(result.toolCalls).toEqual([expect.objectContaining({ name: 'lookup', arguments: { word: 'streamed' } })]);
    expect(result.finishReason).toBe('tool_calls');
    expect(bodyOf(env.emulators.openai).tool_choice).toBe('required');
  });

  it('GIVEN a refusal THEN the finish reason says so', async () => {
    env.emulators.openai.enqueue(llmReply.text('no', { stopReason: 'refusal' }));
    expect((await env.llm.complete({ provider: 'openai', model: 'gpt-4.1', prompt: 'x' })).finishReason).toBe('refusal');
    env.emulators.openai.enqueue(llmReply.text('cut', { stopReason: 'length' }));
    expect((await env.llm.complete({ provider: 'openai', model: 'gpt-4.1', prompt: 'x' })).finishReason).toBe('length');
  });
});

describe('Anthropic', () => {
  it('GIVEN stop sequences and a reasoning effort THEN stop_sequences and output_config.effort, sampling dropped', async () => {
    await env.llm.complete({ provider: 'anthropic', prompt: 'x', ...sampling, reasoningEffort: 'high' });
    const body = bodyOf(env.emulators.anthropic);
    expect(body).toMatchObject({ stop_sequences: ['END'], max_tokens: 50, output_config: { effort: 'high' } });
    expect(body).not.toHaveProperty('temperature');
    await env.llm.flush();
    expect(env.sink.rows[0]?.metadata.droppedParams).toEqual(['temperature', 'topP', 'topK', 'seed', 'presencePenalty', 'frequencyPenalty']);
  });

  it.each([
    ['required', { toolChoice: 'required' as const, parallelToolCalls: false }, { type: 'any', disable_parallel_tool_use: true }],
    ['a named tool', { toolChoice: { name: 'lookup' } }, { type: 'tool', name: 'lookup' }],
    ['none', { toolChoice: 'none' as const }, { type: 'none' }],
    ['auto without parallel calls', { parallelToolCalls: false }, { type: 'auto', disable_parallel_tool_use: true }],
  ])('GIVEN tool choice %s THEN tool_choice is %j', async (_case, choice, expected) => {
    await env.llm.complete({ provider: 'anthropic', prompt: 'x', tools: [lookup], ...choice });
    expect(bodyOf(env.emulators.anthropic).tool_choice).toEqual(expected);
  });

  it('GIVEN a streamed answer with thinking and a tool call THEN the text, the call and the finish reason come through', async () => {
    env.emulators.anthropic.enqueue(llmReply.toolCalls([{ name: 'lookup', arguments: { word: 'deep' } }], { text: 'let me check', reasoning: 'hmm' }));
    let text = '';
    const stream = env.llm.stream({ provider: 'anthropic', prompt: 'x', tools: [lookup] });
    for await (const chunk of stream) text += chunk;
    const result = await stream.result;
    expect(text).toBe('let me check');
    expect(result.toolCalls).toEqual([expect.objectContaining({ name: 'lookup', arguments: { word: 'deep' } })]);
    expect(result.finishReason).toBe('tool_calls');
  });

  it('GIVEN a tool call without arguments in a stream THEN its arguments are an empty object', async () => {
    env.emulators.anthropic.enqueue(llmReply.toolCalls([{ name: 'lookup', arguments: {} }]));
    const stream = env.llm.stream({ provider: 'anthropic', prompt: 'x', tools: [lookup] });
    for await (const chunk of stream) void chunk;
    expect((await stream.result).toolCalls).toEqual([expect.objectContaining({ name: 'lookup', arguments: {} })]);
  });
});

describe('Gemini', () => {
  it('GIVEN sampling parameters THEN generationConfig carries them all, topK included', async () => {
    await env.llm.complete({ provider: 'gemini', prompt: 'x', ...sampling });
    expect(bodyOf(env.emulators.gemini).generationConfig).toMatchObject({
      temperature: 0.3,
      topP: 0.9,
      topK: 40,
      stopSequences: ['END'],
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      maxOutputTokens: 50,
    });
  });

  it('GIVEN a 3.x model with a reasoning effort THEN a thinking level is sent', async () => {
    await env.llm.complete({ provider: 'gemini', model: 'gemini-3-flash-preview', prompt: 'x', reasoningEffort: 'high' });
    expect(bodyOf(env.emulators.gemini).generationConfig.thinkingConfig).toEqual({ thinkingLevel: 'HIGH' });
  });

  it.each([
    ['required', { toolChoice: 'required' as const }, { mode: 'ANY' }],
    ['a named tool', { toolChoice: { name: 'lookup' } }, { mode: 'ANY', allowedFunctionNames: ['lookup'] }],
  ])('GIVEN tool choice %s THEN functionCallingConfig is %j', async (_case, choice, expected) => {
    env.emulators.gemini.enqueue(llmReply.toolCalls([{ name: 'lookup', arguments: { word: 'g' } }], { reasoning: 'thinking first' }));
    const result = await env.llm.complete({ provider: 'gemini', prompt: 'x', tools: [lookup], ...choice });
    expect(bodyOf(env.emulators.gemini).toolConfig.functionCallingConfig).toEqual(expected);
    expect(result.toolCalls).toEqual([expect.objectContaining({ name: 'lookup', arguments: { word: 'g' } })]);
    expect(result.text).toBe('');
  });

  it('GIVEN a stream cut by the token limit THEN the finish reason is length', async () => {
    env.emulators.gemini.enqueue(llmReply.text('partial answer', { stopReason: 'length' }));
    const stream = env.llm.stream({ provider: 'gemini', prompt: 'x' });
    let text = '';
    for await (const chunk of stream) text += chunk;
    expect(text).toBe('partial answer');
    expect((await stream.result).finishReason).toBe('length');
  });
});
