import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmEmulator } from '../../src/llm/create-llm-emulator.js';
import { createLlmEmulators, type LlmEmulators } from '../../src/llm/create-llm-emulators.js';
import { llmFault } from '../../src/llm/faults.js';
import { llmReply } from '../../src/llm/replies.js';
import { toProviderUsage } from '../../src/llm/usage.js';

let llm: LlmEmulators;
let openai: OpenAI;

beforeAll(async () => {
  llm = await createLlmEmulators();
  openai = new OpenAI({ ...llm.openai.clientOptions, maxRetries: 0, timeout: 5_000 });
});
beforeEach(() => {
  for (const provider of ['openai', 'anthropic', 'gemini', 'xai'] as const) llm[provider].reset();
});
afterAll(() => llm.close());

function ask(model: string) {
  return openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }] }).then((completion) => completion.choices[0]?.message.content);
}

describe('LLM emulator scripting', () => {
  it('GIVEN createLlmEmulators THEN four emulators listen on distinct 127.0.0.1 ports with provider base URLs', () => {
    const urls = [llm.openai.url, llm.anthropic.url, llm.gemini.url, llm.xai.url];
    expect(new Set(urls).size).toBe(4);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(llm.openai.baseURL).toBe(`${llm.openai.url}/v1`);
    expect(llm.xai.baseURL).toBe(`${llm.xai.url}/v1`);
    expect(llm.anthropic.baseURL).toBe(llm.anthropic.url);
    expect(llm.gemini.clientOptions).toEqual({ apiKey: llm.gemini.apiKey, httpOptions: { baseUrl: llm.gemini.url } });
  });

  it('GIVEN model rules and a shared queue THEN always > model queue > shared queue > handler > default', async () => {
    llm.openai.enqueue(llmReply.text('shared'));
    llm.openai.model('gpt-a').enqueue(llmReply.text('model-a'));
    llm.openai.script((request) => (request.model === 'gpt-h' ? llmReply.text('handled') : undefined));
    expect(await ask('gpt-a')).toBe('model-a');
    expect(await ask('gpt-a')).toBe('shared');
    expect(await ask('gpt-h')).toBe('handled');
    expect(await ask('gpt-a')).toBe('Echo: Hi');
    llm.openai.model('gpt-a').always(llmReply.text('always'));
    llm.openai.model('gpt-a').enqueue(llmReply.text('queued'));
    expect(await ask('gpt-a')).toBe('always');
    llm.openai.model('gpt-a').always(undefined);
    expect(await ask('gpt-a')).toBe('queued');
  });

  it('GIVEN one model down THEN it fails every time while another model answers (fallback chains)', async () => {
    llm.openai.model('gpt-5.4').always(llmFault.overloaded());
    await expect(ask('gpt-5.4')).rejects.toMatchObject({ status: 503 });
    await expect(ask('gpt-5.4')).rejects.toMatchObject({ status: 503 });
    expect(await ask('gpt-5.4-mini')).toBe('Echo: Hi');
  });

  it('GIVEN a validation error THEN it does not consume the scripted reply', async () => {
    llm.openai.enqueue(llmReply.text('kept'));
    await expect(openai.chat.completions.create({ model: 'gpt-5.4', messages: [{ role: 'user', content: 'Hi' }], temperature: 0 })).rejects.toMatchObject({
      status: 400,
    });
    expect(await ask('gpt-5.4')).toBe('kept');
  });

  it('GIVEN knownModels THEN other model ids get the provider 404', async () => {
    const strict = await createLlmEmulator({ provider: 'anthropic', knownModels: ['claude-haiku-4-5'] });
    try {
      const client = new Anthropic({ apiKey: strict.apiKey, baseURL: strict.baseURL, maxRetries: 0 });
      const messages = [{ role: 'user' as const, content: 'Hi' }];
      await expect(client.messages.create({ model: 'claude-nope', max_tokens: 10, messages })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
      await expect(client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages })).resolves.toBeDefined();
    } finally {
      await strict.close();
    }
  });

  it('GIVEN record: false THEN requests stay empty while replies are still served', async () => {
    const quiet = await createLlmEmulator({ provider: 'openai', record: false });
    try {
      const client = new OpenAI({ ...quiet.clientOptions, maxRetries: 0 });
      const completion = await client.chat.completions.create({ model: 'gpt-5.4-mini', messages: [{ role: 'user', content: 'Hi' }] });
      expect(completion.choices[0]?.message.content).toBe('Echo: Hi');
      expect(quiet.requests).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('GIVEN a reply kind that cannot answer the route THEN the emulator answers 500 naming the mismatch', async () => {
    llm.openai.enqueue(llmReply.speech(new Uint8Array([1])));
    await expect(ask('gpt-5.4-mini')).rejects.toThrow(/'speech' reply cannot answer openai chat.completions/);
  });

  it('GIVEN raw usage THEN it is sent verbatim', async () => {
    llm.xai.enqueue(llmReply.text('x', { usage: { raw: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6, cost_in_usd_ticks: 42 } } }));
    const xai = new OpenAI({ ...llm.xai.clientOptions, maxRetries: 0 });
    const completion = await xai.chat.completions.create({ model: 'grok-4.3', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 1, total_tokens: 6, cost_in_usd_ticks: 42 });
  });

  it('GIVEN toProviderUsage THEN each provider applies its own token semantics to the same buckets', () => {
    const spec = { input: 100, cacheRead: 200, cacheWrite5m: 10, output: 20, reasoning: 5 };
    expect(toProviderUsage('openai', spec)).toMatchObject({ prompt_tokens: 310, completion_tokens: 25, total_tokens: 335 });
    expect(toProviderUsage('xai', spec)).toMatchObject({ prompt_tokens: 310, completion_tokens: 20, total_tokens: 335 });
    expect(toProviderUsage('anthropic', spec)).toMatchObject({ input_tokens: 100, cache_creation_input_tokens: 10, output_tokens: 25 });
    expect(toProviderUsage('gemini', spec)).toMatchObject({ promptTokenCount: 310, candidatesTokenCount: 20, thoughtsTokenCount: 5 });
  });

  it('GIVEN costInUsdTicks THEN only xAI reports it, as cost_in_usd_ticks', () => {
    const spec = { input: 100, output: 20, costInUsdTicks: 4_650_000 };
    expect(toProviderUsage('xai', spec)).toMatchObject({ cost_in_usd_ticks: 4_650_000 });
    expect(toProviderUsage('xai', { input: 100 })).not.toHaveProperty('cost_in_usd_ticks');
    expect(toProviderUsage('openai', spec)).not.toHaveProperty('cost_in_usd_ticks');
  });
});
