import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { llmReply } from '../../src/llm/replies.js';
import type { LlmEmulator } from '../../src/llm/types.js';

// How one scripted reply renders in the formats an SDK reads least often: the Responses API (reasoning items,
// refusals, incomplete answers, function calls, streamed), Gemini's stop reasons and thought parts, raw usage,
// and what the emulator answers to a path no provider serves.

let openai: LlmEmulator;
let gemini: LlmEmulator;
let openaiClient: OpenAI;
let geminiClient: GoogleGenAI;

beforeAll(async () => {
  openai = await createLlmEmulator({ provider: 'openai' });
  gemini = await createLlmEmulator({ provider: 'gemini' });
  openaiClient = new OpenAI({ apiKey: openai.apiKey, baseURL: openai.baseURL, maxRetries: 0, timeout: 5_000 });
  geminiClient = new GoogleGenAI({ apiKey: gemini.apiKey, httpOptions: { baseUrl: gemini.baseURL, timeout: 5_000 } });
});
beforeEach(() => {
  openai.reset();
  gemini.reset();
});
afterAll(async () => {
  await openai.close();
  await gemini.close();
});

describe('Responses API', () => {
  it('GIVEN reasoning and text THEN a reasoning item precedes the message', async () => {
    openai.enqueue(llmReply.text('Answer.', { reasoning: 'Thinking it over.' }));
    const response = await openaiClient.responses.create({ model: 'gpt-5.4', input: 'Hi' });
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.output_text).toBe('Answer.');
  });

  it('GIVEN a refusal THEN the message content is a refusal part', async () => {
    openai.enqueue(llmReply.text('I cannot help with that.', { stopReason: 'refusal' }));
    const response = await openaiClient.responses.create({ model: 'gpt-5.4', input: 'Hi' });
    const message = response.output.find((item) => item.type === 'message') as { content: Array<{ type: string; refusal?: string }> };
    expect(message.content).toEqual([{ type: 'refusal', refusal: 'I cannot help with that.' }]);
  });

  it('GIVEN an answer cut by the token limit THEN the response is incomplete for max_output_tokens', async () => {
    openai.enqueue(llmReply.text('Partial', { stopReason: 'length' }));
    const response = await openaiClient.responses.create({ model: 'gpt-5.4', input: 'Hi' });
    expect(response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });

  it('GIVEN a stream with a refusal, a function call and raw usage THEN the events carry each part and the response ends incomplete', async () => {
    openai.enqueue(
      llmReply.toolCalls([{ name: 'lookup', arguments: { q: 'x' }, id: 'call_fixed' }], {
        text: 'No.',
        stopReason: 'refusal',
        usage: { raw: { input_tokens: 3, output_tokens: 4, total_tokens: 7 } },
      }),
    );
    const stream = await openaiClient.responses.create({ model: 'gpt-5.4', input: 'Hi', stream: true });
    const types: string[] = [];
    let completed: { usage?: unknown; output: Array<{ type: string; call_id?: string }> } | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.completed' || event.type === 'response.incomplete') completed = event.response as never;
    }
    expect(types).toEqual(expect.arrayContaining(['response.refusal.delta', 'response.refusal.done', 'response.function_call_arguments.done']));
    expect(completed?.output.find((item) => item.type === 'function_call')).toMatchObject({ call_id: 'call_fixed' });
    expect(completed?.usage).toEqual({ input_tokens: 3, output_tokens: 4, total_tokens: 7 });
  });

  it('GIVEN a streamed answer cut by the token limit THEN the last event is response.incomplete', async () => {
    openai.enqueue(llmReply.text('Partial answer', { stopReason: 'length' }));
    const stream = await openaiClient.responses.create({ model: 'gpt-5.4', input: 'Hi', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('response.incomplete');
    expect(types).toContain('response.output_text.delta');
  });
});

describe('Gemini generateContent', () => {
  it.each([
    ['length', 'MAX_TOKENS'],
    ['refusal', 'SAFETY'],
    ['content_filter', 'SAFETY'],
  ] as const)('GIVEN stop reason %s THEN finishReason %s', async (stopReason, finishReason) => {
    gemini.enqueue(llmReply.text('cut', { stopReason }));
    const response = await geminiClient.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
    expect(response.candidates?.[0]?.finishReason).toBe(finishReason);
  });

  it('GIVEN reasoning THEN a thought part comes first AND raw usage is sent verbatim', async () => {
    gemini.enqueue(
      llmReply.text('Done.', { reasoning: 'Let me think.', usage: { raw: { promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 } } }),
    );
    const response = await geminiClient.models.generateContent({ model: 'gemini-3-flash-preview', contents: 'Hi' });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts[0]).toMatchObject({ text: 'Let me think.', thought: true });
    expect(response.text).toBe('Done.');
    expect(response.usageMetadata).toEqual({ promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 });
  });

  it('GIVEN a streamed answer with reasoning and a tool call THEN the thought, the text and the call arrive in order', async () => {
    gemini.enqueue(llmReply.toolCalls([{ name: 'lookup', arguments: { q: 'x' } }], { text: 'Checking.', reasoning: 'Plan.' }));
    const stream = await geminiClient.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Hi' });
    const parts: Array<Record<string, unknown>> = [];
    for await (const chunk of stream) parts.push(...((chunk.candidates?.[0]?.content?.parts ?? []) as Array<Record<string, unknown>>));
    expect(parts[0]).toMatchObject({ thought: true, text: 'Plan.' });
    expect(parts.filter((part) => part.functionCall)).toEqual([expect.objectContaining({ functionCall: expect.objectContaining({ name: 'lookup' }) })]);
  });

  it('GIVEN an image reply without data THEN a default PNG is inlined', async () => {
    gemini.enqueue(llmReply.image([{}], { text: 'Here.' }));
    const response = await geminiClient.models.generateContent({ model: 'gemini-2.5-flash-image', contents: 'a fox' });
    const image = response.candidates?.[0]?.content?.parts?.find((part) => part.inlineData);
    expect(image?.inlineData).toMatchObject({ mimeType: 'image/png', data: expect.any(String) });
  });
});

describe('unknown paths', () => {
  it('GIVEN a path the provider does not serve THEN 404 and nothing is recorded', async () => {
    const response = await fetch(`${openai.baseURL}/no/such/route`, { method: 'POST', headers: { authorization: `Bearer ${openai.apiKey}` } });
    expect(response.status).toBe(404);
    expect(openai.requests).toEqual([]);
  });

  it('GIVEN a body that is not JSON THEN 400 invalid_request, as the provider answers', async () => {
    const response = await fetch(`${openai.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${openai.apiKey}`, 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });
});
