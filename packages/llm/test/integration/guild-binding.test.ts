import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLogger,
  createServices,
  defineSettings,
  definePlugin,
  loadConfig,
  upsertGuild,
  type BaselineServices,
  type CreateServicesOptions,
} from '@baseline/core';
import {
  createLlmEmulators,
  createTestDatabase,
  createTestRedis,
  llmEmulatorEnv,
  llmReply,
  type LlmEmulators,
  type TestDatabase,
  type TestRedis,
} from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bindLlm,
  configuredLlmProviders,
  defaultLlmExtension,
  defineTool,
  LLM_SETTINGS_NAMESPACE,
  llmExtension,
  llmSettings,
  withDefaultLlmExtension,
  type LlmGuildSettings,
  type LlmService,
} from '../../src/index.js';

// A cog's view of the LLM service: `bindLlm` over the container that `llmExtension` builds, with the guild's `llm`
// settings stored through the real settings registry and every provider answered by its emulator.

let emulators: LlmEmulators;
const opened: Array<{ services: BaselineServices; db: TestDatabase; redis: TestRedis }> = [];

/** A services container on a fresh database, its LLM keys pointing at the emulators unless `env` says otherwise. */
async function container(options: { env?: Record<string, string>; extensions: CreateServicesOptions['extensions']; plugins?: unknown[] }) {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const appDir = mkdtempSync(join(tmpdir(), 'bl-llm-bind-'));
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'app', private: true, dependencies: {} }));
  const services = await createServices({
    appDir,
    config: loadConfig({ env: { DATABASE_URL: db.url, REDIS_URL: redis.url, ...(options.env ?? llmEmulatorEnv(emulators)) }, envFiles: false }),
    logger: createLogger({ service: 'test', level: 'silent' }),
    kvPrefix: redis.prefix,
    discover: false,
    plugins: options.plugins ?? [],
    extensions: options.extensions,
  });
  opened.push({ services, db, redis });
  return services;
}

/** Stores a guild (settings belong to a known guild) and its `llm` settings. */
async function guildWith(guildId: string, settings: Partial<LlmGuildSettings>) {
  await upsertGuild(services.db, { guildId, guildName: `guild ${guildId}` });
  await services.settings.set(guildId, LLM_SETTINGS_NAMESPACE, settings);
}

const gemini = { gemini: { apiVersion: 'v1beta' } } as const;
let services: BaselineServices;
let llm: LlmService;

beforeAll(async () => {
  emulators = await createLlmEmulators();
  // The app's own extension first, then the default one, as createBot passes them: the default must add nothing.
  services = await container({ extensions: withDefaultLlmExtension([llmExtension({ providers: gemini })]) });
  llm = services.llm!;
});

afterAll(async () => {
  for (const { services: each, db, redis } of opened) {
    await each.close();
    await db.drop();
    await redis.cleanup();
  }
  await emulators?.close();
});

beforeEach(async () => {
  await llm.flush();
  for (const emulator of [emulators.openai, emulators.anthropic, emulators.gemini, emulators.xai]) emulator.reset();
});

describe('bindLlm', () => {
  it('GIVEN a bound service THEN calls carry its guild, user and cog AND a request naming its own cog wins', async () => {
    const bound = bindLlm(llm, { guildId: '9001', userId: '42', cogName: 'ask' }, services.settings);
    expect(bound.service).toBe(llm);
    expect(bound.binding).toEqual({ guildId: '9001', userId: '42', cogName: 'ask' });
    expect(Object.isFrozen(bound.binding)).toBe(true);
    await bound.complete({ prompt: 'hello' });
    await bound.complete({ prompt: 'hello', cogName: 'other' });
    await llm.flush();
    const byCog = await llm.usage({ guildId: '9001', groupBy: ['cog'] });
    expect(byCog.map((row) => [row.cogName, row.requests]).sort()).toEqual([
      ['ask', 1],
      ['other', 1],
    ]);
    expect(await llm.usage({ userId: '42' })).toEqual([expect.objectContaining({ requests: 2 })]);
  });

  it('GIVEN a guild that turned AI off THEN every kind of call is refused before anything is sent', async () => {
    await guildWith('9002', { enabled: false });
    const bound = bindLlm(llm, { guildId: '9002', userId: '42', cogName: 'ask' }, services.settings);
    const refused = expect.objectContaining({ code: 'BL_ERR_LLM_NOT_ALLOWED', reason: 'disabled' });
    await expect(bound.complete({ prompt: 'x' })).rejects.toThrow(refused);
    await expect(bound.completeStructured({ prompt: 'x', schema: z.object({ a: z.string() }) })).rejects.toThrow(refused);
    await expect(bound.runTools({ prompt: 'x', tools: [] })).rejects.toThrow(refused);
    await expect(bound.generateImage({ prompt: 'a fox' })).rejects.toThrow(refused);
    await expect(bound.speech({ text: 'hi' })).rejects.toThrow(refused);
    await expect(bound.transcribe({ audio: new Uint8Array([1]) })).rejects.toThrow(refused);

    // A stream is opened at once; the refusal surfaces on the first read and in its result.
    const stream = bound.stream({ prompt: 'x' });
    await expect(stream.result).rejects.toThrow(refused);
    await expect(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
    ).rejects.toThrow(refused);

    const sent = [emulators.openai, emulators.anthropic, emulators.gemini, emulators.xai].flatMap((emulator) => emulator.requests);
    expect(sent).toEqual([]);
    expect(await bound.guildSettings()).toMatchObject({ enabled: false });
  });

  it('GIVEN a guild default model THEN text, streams, tools and structured calls that name none use it', async () => {
    await guildWith('9003', { defaultModel: 'anthropic:claude-haiku-4-5' });
    const bound = bindLlm(llm, { guildId: '9003', userId: null, cogName: null }, services.settings);
    emulators.anthropic.enqueue(llmReply.text('one'), llmReply.text('two'), llmReply.json({ a: 'b' }), llmReply.text('done'));
    expect((await bound.complete({ prompt: 'x' })).text).toBe('one');
    let streamed = '';
    const stream = bound.stream({ prompt: 'x' });
    for await (const chunk of stream) streamed += chunk;
    expect(streamed).toBe('two');
    expect((await stream.result).provider).toBe('anthropic');
    expect((await bound.completeStructured({ prompt: 'x', schema: z.object({ a: z.string() }) })).parsed).toEqual({ a: 'b' });
    const echo = defineTool({ name: 'echo', description: 'echo', parameters: z.object({}), execute: () => 'ok' });
    expect((await bound.runTools({ prompt: 'x', tools: [echo] })).text).toBe('done');
    expect(emulators.anthropic.requests.map((request) => request.model)).toEqual(Array(4).fill('claude-haiku-4-5'));
    // The request's own choice still wins over the guild default.
    await bound.complete({ provider: 'xai', prompt: 'x' });
    expect(emulators.xai.requests).toHaveLength(1);
  });

  it('GIVEN allowed providers THEN media requests are checked against them, the service default provider included', async () => {
    await guildWith('9004', { allowedProviders: ['gemini'] });
    const bound = bindLlm(llm, { guildId: '9004', userId: null, cogName: 'art' }, services.settings);
    const refused = expect.objectContaining({ code: 'BL_ERR_LLM_NOT_ALLOWED', reason: 'provider', provider: 'openai' });
    await expect(bound.generateImage({ prompt: 'a fox' })).rejects.toThrow(refused);
    await expect(bound.speech({ provider: 'openai', text: 'hi' })).rejects.toThrow(refused);
    await expect(bound.transcribe({ provider: 'openai', audio: new Uint8Array([1, 2]) })).rejects.toThrow(refused);
    expect(emulators.openai.requests).toEqual([]);

    emulators.gemini.enqueue(llmReply.image([{ b64: 'aW1n', mimeType: 'image/png' }]));
    expect((await bound.generateImage({ provider: 'gemini', prompt: 'a fox' })).images).toHaveLength(1);
    emulators.gemini.enqueue(llmReply.speech(new Uint8Array(480)));
    expect((await bound.speech({ provider: 'gemini', text: 'hi' })).provider).toBe('gemini');
  });

  it('GIVEN allowed models THEN modelChoices lists them, filtered by the allowed providers', async () => {
    await guildWith('9005', {
      allowedProviders: ['openai', 'xai'],
      allowedModels: ['openai:gpt-5.4-mini', 'anthropic:claude-haiku-4-5', 'xai:grok-4.3'],
    });
    expect(await bindLlm(llm, { guildId: '9005', userId: null, cogName: null }, services.settings).modelChoices()).toEqual([
      'openai:gpt-5.4-mini',
      'xai:grok-4.3',
    ]);

    await guildWith('9006', { allowedProviders: ['anthropic'] });
    expect(await bindLlm(llm, { guildId: '9006', userId: null, cogName: null }, services.settings).modelChoices()).toEqual(['anthropic:claude-sonnet-4-6']);
  });

  it('GIVEN no guild or no settings registry THEN no policy applies and every configured provider is offered', async () => {
    const everyDefault = ['openai:gpt-5.4-mini', 'anthropic:claude-sonnet-4-6', 'gemini:gemini-2.5-flash', 'xai:grok-4.3'];
    const outsideGuild = bindLlm(llm, { guildId: null, userId: '1', cogName: 'dm' }, services.settings);
    expect(await outsideGuild.guildSettings()).toBeUndefined();
    expect(await outsideGuild.modelChoices()).toEqual(everyDefault);

    await guildWith('9007', { enabled: false });
    const withoutRegistry = bindLlm(llm, { guildId: '9007', userId: null, cogName: null });
    expect(await withoutRegistry.guildSettings()).toBeUndefined();
    expect((await withoutRegistry.complete({ prompt: 'x' })).provider).toBe('openai');
  });
});

describe('llmExtension', () => {
  it('GIVEN the default extension after the app one THEN the app one wins AND the llm namespace is registered', () => {
    expect(services.settings.definition(LLM_SETTINGS_NAMESPACE)).toBe(llmSettings);
    expect(configuredLlmProviders(services.config)).toEqual(['openai', 'anthropic', 'gemini', 'xai']);
  });

  it('GIVEN guild budgets in the llm settings THEN a call over them is refused AND a guild without one is not', async () => {
    await guildWith('9008', { dailyBudgetUsd: '0.000001' });
    await guildWith('9009', { monthlyBudgetUsd: '0.000001' });
    for (const guildId of ['9008', '9009']) {
      await expect(llm.complete({ prompt: 'a prompt long enough to cost something', maxTokens: 100, guildId })).rejects.toThrow(
        expect.objectContaining({ code: 'BL_ERR_LLM_BUDGET_EXCEEDED' }),
      );
    }
    expect(emulators.openai.requests).toEqual([]);
    await guildWith('9010', { allowedProviders: [] });
    expect((await llm.complete({ prompt: 'x', maxTokens: 100, guildId: '9010' })).text.length).toBeGreaterThan(0);
  });

  it('GIVEN guildSettings: false THEN no namespace is registered and the configured guild budget applies', async () => {
    const own = await container({ extensions: [llmExtension({ guildSettings: false, providers: gemini, budgets: { guild: { dailyUsd: '0.000001' } } })] });
    expect(own.settings.namespaces()).not.toContain(LLM_SETTINGS_NAMESPACE);
    await expect(own.llm!.complete({ prompt: 'x', maxTokens: 100, guildId: '1' })).rejects.toThrow(
      expect.objectContaining({ code: 'BL_ERR_LLM_BUDGET_EXCEEDED' }),
    );
  });

  it('GIVEN a plugin that owns a namespace called llm THEN its namespace stays and budgets come from the configuration only', async () => {
    const plugin = definePlugin({ id: 'llm', name: 'Squatter', version: '1.0.0', settings: defineSettings(z.object({ colour: z.string().default('red') })) });
    const resolved: string[] = [];
    const squatted = await container({
      plugins: [plugin],
      extensions: [llmExtension({ providers: gemini, budgets: { resolveGuild: async (guildId) => void resolved.push(guildId) } })],
    });
    expect(squatted.settings.definition(LLM_SETTINGS_NAMESPACE)).not.toBe(llmSettings);
    expect(await squatted.settings.get('1', LLM_SETTINGS_NAMESPACE)).toEqual({ colour: 'red' });
    await squatted.llm!.complete({ prompt: 'x', guildId: '1' });
    expect(resolved).toEqual(['1']);
  });

  it('GIVEN no provider key THEN the default extension adds no llm service', async () => {
    const bare = await container({ env: {}, extensions: [defaultLlmExtension()] });
    expect(configuredLlmProviders(bare.config)).toEqual([]);
    expect(bare.llm).toBeUndefined();
  });
});
