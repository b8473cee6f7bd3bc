import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import type { LlmEmulator } from '../../src/llm/types.js';

// The 400s OpenAI answers to requests the SDK lets through, sent as raw JSON so each rule is hit on its own:
// the emulator must refuse what the real API refuses, with the same `param` and `code`.

let emulator: LlmEmulator;
beforeAll(async () => {
  emulator = await createLlmEmulator({ provider: 'openai' });
});
afterAll(() => emulator.close());

async function post(path: string, body: unknown): Promise<{ status: number; error: { param?: string; code?: string; message: string } | undefined }> {
  const response = await fetch(`${emulator.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { error?: { param?: string; code?: string; message: string } };
  return { status: response.status, error: json.error };
}

const messages = [{ role: 'user', content: 'Hi' }];
const loose = { type: 'object', properties: { city: { type: 'string' } } };
const open = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const nestedLoose = {
  type: 'object',
  properties: { place: { type: 'object', properties: { city: { type: 'string' } }, required: [], additionalProperties: false } },
  required: ['place'],
  additionalProperties: false,
};
const closed = {
  type: 'object',
  properties: { list: { type: 'array', items: { anyOf: [{ type: 'string' }] } } },
  required: ['list'],
  additionalProperties: false,
  $defs: { a: { type: 'string' } },
};

describe('chat completions validation', () => {
  it.each([
    ['no model', { messages }, 'model', 'missing_required_parameter'],
    ['no messages', { model: 'gpt-4.1', messages: [] }, 'messages', 'empty_array'],
    ['max_tokens on a reasoning model', { model: 'o4-mini', messages, max_tokens: 10 }, 'max_tokens', 'unsupported_parameter'],
    ['temperature on a reasoning model', { model: 'gpt-5.4-mini', messages, temperature: 0.2 }, 'temperature', 'unsupported_value'],
    [
      'temperature with effort none before gpt-5.1',
      { model: 'gpt-5-mini', messages, temperature: 0.2, reasoning_effort: 'none' },
      'temperature',
      'unsupported_value',
    ],
    [
      'a tool without a name',
      { model: 'gpt-4.1', messages, tools: [{ type: 'function', function: {} }] },
      'tools[0].function.name',
      'missing_required_parameter',
    ],
    [
      'a strict tool with an optional property',
      { model: 'gpt-4.1', messages, tools: [{ type: 'function', function: { name: 'f', strict: true, parameters: loose } }] },
      'tools[0].function.parameters',
      'invalid_function_parameters',
    ],
    [
      'a strict format without a name',
      { model: 'gpt-4.1', messages, response_format: { type: 'json_schema', json_schema: {} } },
      'response_format.json_schema.name',
      'missing_required_parameter',
    ],
    [
      'a strict format left open',
      { model: 'gpt-4.1', messages, response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema: open } } },
      'response_format',
      'invalid_json_schema',
    ],
    [
      'a strict format with a loose nested object',
      { model: 'gpt-4.1', messages, response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema: nestedLoose } } },
      'response_format',
      'invalid_json_schema',
    ],
  ])('GIVEN %s THEN 400 on %s with %s', async (_case, body, param, code) => {
    expect(await post('/chat/completions', body)).toMatchObject({ status: 400, error: { param, code } });
  });

  it.each([
    ['temperature 1 on a reasoning model', { model: 'gpt-5.4-mini', messages, temperature: 1 }],
    ['temperature with effort none on gpt-5.1+', { model: 'gpt-5.4-mini', messages, temperature: 0.2, reasoning_effort: 'none' }],
    ['temperature on a chat model', { model: 'gpt-5-chat-latest', messages, temperature: 0.2, max_tokens: 5 }],
    [
      'a loose schema that is not strict',
      {
        model: 'gpt-4.1',
        messages,
        tools: [{ type: 'function', function: { name: 'f', parameters: loose } }],
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: loose } },
      },
    ],
    [
      'a closed schema through arrays, anyOf and $defs',
      { model: 'gpt-4.1', messages, response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema: closed } } },
    ],
  ])('GIVEN %s THEN it is accepted', async (_case, body) => {
    expect((await post('/chat/completions', body)).status).toBe(200);
  });
});

describe('responses validation', () => {
  it.each([
    ['no model', { input: 'Hi' }, 'model', 'missing_required_parameter'],
    ['temperature with reasoning', { model: 'o3', input: 'Hi', temperature: 0.5, reasoning: { effort: 'low' } }, 'temperature', 'unsupported_value'],
    ['a function tool without a name', { model: 'gpt-4.1', input: 'Hi', tools: [{ type: 'function' }] }, 'tools[0].name', 'missing_required_parameter'],
    [
      'a strict function with an open object',
      { model: 'gpt-4.1', input: 'Hi', tools: [{ type: 'function', name: 'f', strict: true, parameters: open }] },
      'tools[0].parameters',
      'invalid_function_parameters',
    ],
    [
      'a strict text format left open',
      { model: 'gpt-4.1', input: 'Hi', text: { format: { type: 'json_schema', name: 'x', strict: true, schema: loose } } },
      'text.format.schema',
      'invalid_json_schema',
    ],
  ])('GIVEN %s THEN 400 on %s with %s', async (_case, body, param, code) => {
    expect(await post('/responses', body)).toMatchObject({ status: 400, error: { param, code } });
  });

  it('GIVEN built-in tools and a loose non-strict format THEN it is accepted', async () => {
    const body = {
      model: 'gpt-5.4-mini',
      input: 'Hi',
      reasoning: { effort: 'none' },
      temperature: 0.3,
      tools: [{ type: 'web_search' }, { type: 'function', name: 'f', parameters: loose }],
      text: { format: { type: 'json_schema', name: 'x', schema: loose } },
    };
    expect((await post('/responses', body)).status).toBe(200);
  });
});

describe('images validation', () => {
  it('GIVEN dall-e THEN model_not_found (retired) AND response_format on a GPT image model is unknown', async () => {
    expect(await post('/images/generations', { model: 'dall-e-3', prompt: 'x' })).toMatchObject({ status: 404, error: { code: 'model_not_found' } });
    expect(await post('/images/generations', { model: 'gpt-image-2', prompt: 'x', response_format: 'url' })).toMatchObject({
      status: 400,
      error: { param: 'response_format', code: 'unknown_parameter' },
    });
  });
});
