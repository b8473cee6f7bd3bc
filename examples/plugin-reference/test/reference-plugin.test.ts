import type { Bot } from '@baseline/bot';
import { createPluginHarness, type PluginHarness } from '@baseline/bot/testing';
import { createDatabase, createLogger, createPluginStorage, migrateBaseline, pluginMigrationsTable, rollbackMigrations, runMigrations, type Database } from '@baseline/core';
import { createLlmEmulators, createTestDatabase, llmEmulatorEnv, llmReply, type DiscordEmulator, type LlmEmulators, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import referencePlugin, { referenceMigrations, referenceStorage } from '../src/index.js';

describe('reference plugin against the Discord emulator', () => {
  let harness: PluginHarness;
  let llm: LlmEmulators;
  let emulator: DiscordEmulator;
  let bot: Bot;
  let guildId: string;
  let aliceId: string;
  const joins = () => createPluginStorage({ db: bot.services.db, kv: bot.services.kv, pluginId: 'reference', definition: referenceStorage }).guild(guildId).get('joins');

  beforeAll(async () => {
    llm = await createLlmEmulators();
    harness = await createPluginHarness(referencePlugin, {
      env: llmEmulatorEnv(llm),
      seed: { users: [{ username: 'owner' }, { username: 'alice' }], guilds: [{ name: 'Demo', owner: 'owner', members: [{ user: 'alice' }] }] },
    });
    ({ emulator, bot } = harness);
    guildId = harness.driver.guildId();
    aliceId = harness.driver.userId('alice');
  });
  afterAll(async () => {
    await harness?.close();
    await llm?.close();
  });

  it('GIVEN the plugin THEN its cog loads and its commands are registered', () => {
    expect(bot.cogs.get('reference')?.pluginId).toBe('reference');
    expect(emulator.commands().map((command) => command.body.name).sort()).toEqual(['ask', 'hello', 'settings', 'status', 'waves']);
  });

  it('GIVEN /hello THEN it greets with the default greeting, then with the greeting the guild configured', async () => {
    const first = await emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'hello' }).reply();
    expect(first.content).toBe('Hello, alice!');
    await bot.services.settings.set(guildId, 'reference', { greeting: 'Ahoy' });
    const second = await emulator.invokeSlashCommand({ guildId, userId: emulator.state.findUser('owner')!.id, name: 'hello', options: { name: 'crew' } }).reply();
    expect(second.content).toBe('Ahoy, crew!');
  });

  it('GIVEN /hello twice in a row THEN the cooldown refuses the second', async () => {
    const second = await emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'hello' }).response();
    expect(second.ephemeral).toBe(true);
    expect((second.data as { content: string }).content).toMatch(/cooldown/);
  });

  it('GIVEN the Wave button THEN a row lands in the plugin table and /waves counts it', async () => {
    const message = emulator.messages([...emulator.state.guilds.get(guildId)!.channels.keys()][0]!).at(-1)!;
    const click = await emulator.clickButton(message.id, `reference-wave:${aliceId}`, 'owner').response();
    expect(click.ephemeral).toBe(true);
    expect((click.data as { content: string }).content).toContain('(1 wave(s) here)');
    const waves = await emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'waves' }).response();
    expect(waves.data).toMatchObject({ content: '1 wave(s), 0 join(s)' });
  });

  it('GIVEN a member joins THEN the listener counts it, unless the guild turned counting off', async () => {
    emulator.addUser({ username: 'bob' });
    emulator.addMember(guildId, { user: 'bob' });
    await expect.poll(joins).toBe(1);
    await bot.services.settings.set(guildId, 'reference', { countNewMembers: false });
    // The plugin's listener was registered first, so it is in flight when this one hears the join.
    const heard = new Promise<void>((resolve) => bot.client.once('guildMemberAdd', () => resolve()));
    emulator.addUser({ username: 'carol' });
    emulator.addMember(guildId, { user: 'carol' });
    await heard;
    await expect.poll(() => bot.inFlight).toBe(0);
    expect(await joins()).toBe(1);
  });

  it('GIVEN /ask with a model from autocomplete THEN the answer streams into the channel from that provider and one usage row names the guild, the user and the cog', async () => {
    const choices = (await emulator.invokeAutocomplete({ guildId, userId: aliceId, name: 'ask', options: { question: 'x', model: 'claude' }, focused: 'model' }).choices()) as { value: string }[];
    expect(choices.map((choice) => choice.value)).toEqual(['anthropic:claude-sonnet-4-6']);
    llm.anthropic.enqueue(llmReply.text('Waves are energy moving through water.'));
    const handle = emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'ask', options: { question: 'What is a wave?', model: 'anthropic:claude-sonnet-4-6' } });
    const reply = await handle.replyMatching((message) => message.components.length === 0 && message.content !== '');
    expect(reply.content).toBe('Waves are energy moving through water.');
    expect(llm.anthropic.requests.at(-1)?.model).toBe('claude-sonnet-4-6');
    await expect
      .poll(async () => (await bot.services.llm!.usage({ groupBy: ['guild', 'user', 'cog', 'provider'], cogName: 'reference-ask' })).map(({ guildId: guild, userId, cogName, provider, requests }) => ({ guild, userId, cogName, provider, requests })))
      .toEqual([{ guild: guildId, userId: aliceId, cogName: 'reference-ask', provider: 'anthropic', requests: 1 }]);
  });

  it('GIVEN a guild allowing one model THEN autocomplete offers only it and /ask with another is refused without a provider request', async () => {
    await bot.services.settings.set(guildId, 'llm', { allowedModels: ['gemini:gemini-2.5-flash'] });
    const choices = (await emulator.invokeAutocomplete({ guildId, userId: aliceId, name: 'ask', options: { question: 'x', model: '' }, focused: 'model' }).choices()) as { value: string }[];
    expect(choices.map((choice) => choice.value)).toEqual(['gemini:gemini-2.5-flash']);
    const before = llm.openai.requests.length;
    const refused = await emulator.invokeSlashCommand({ guildId, userId: emulator.state.findUser('owner')!.id, name: 'ask', options: { question: 'hi', model: 'openai:gpt-5.4' } }).reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('not allowed in this server');
    expect(llm.openai.requests.length).toBe(before);
    await bot.services.settings.set(guildId, 'llm', { allowedModels: [] });
  });
});

describe('reference plugin migrations', () => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await createDatabase({ url: database.url, logger: createLogger({ service: 'test', level: 'silent' }) });
    await migrateBaseline(db);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('GIVEN the migrations THEN up creates the table in the plugin migrations table and down removes it', async () => {
    const set = { tableName: pluginMigrationsTable('reference'), migrations: referenceMigrations };
    expect(await runMigrations(db, set)).toEqual(['0001_create_waves']);
    const exists = async () => ((await db.orm.em.getConnection().execute("select to_regclass('reference_waves') as name", [], 'all')) as { name: string | null }[])[0]!.name;
    expect(await exists()).toBe('reference_waves');
    expect(await rollbackMigrations(db, set, { to: 0 })).toEqual(['0001_create_waves']);
    expect(await exists()).toBeNull();
  });
});
