import type { Bot } from '@baseline/bot';
import { createPluginHarness, type PluginHarness } from '@baseline/bot/testing';
import {
  createDatabase,
  createLogger,
  LlmUsage,
  createPluginStorage,
  migrateBaseline,
  readTaskStatuses,
  pluginMigrationsTable,
  rollbackMigrations,
  runMigrations,
  type Database,
} from '@baseline/core';
import {
  createLlmEmulators,
  createTestDatabase,
  llmEmulatorEnv,
  llmReply,
  type DiscordEmulator,
  type LlmEmulators,
  type TestDatabase,
} from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import referencePlugin, { referenceMigrations, referenceStorage } from '../src/index.js';

describe('reference plugin against the Discord emulator', () => {
  let harness: PluginHarness;
  let llm: LlmEmulators;
  let emulator: DiscordEmulator;
  let bot: Bot;
  let guildId: string;
  let aliceId: string;
  const joins = () =>
    createPluginStorage({ db: bot.services.db, kv: bot.services.kv, pluginId: 'reference', definition: referenceStorage }).guild(guildId).get('joins');

  beforeAll(async () => {
    llm = await createLlmEmulators();
    harness = await createPluginHarness(referencePlugin, {
      // As an app whose privileged MessageContent intent is not granted: DISCORD_INTENTS leaves it out.
      env: { ...llmEmulatorEnv(llm), DISCORD_INTENTS: 'guilds,members' },
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
    expect(
      emulator
        .commands()
        .map((command) => command.body.name)
        .sort(),
    ).toEqual(['ask', 'hello', 'imagine', 'privacy', 'remind', 'settings', 'status', 'summarize', 'waves']);
  });

  it('GIVEN /hello THEN it greets with the default greeting, then with the greeting the guild configured', async () => {
    const first = await emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'hello' }).reply();
    expect(first.content).toBe('Hello, alice!');
    await bot.services.settings.set(guildId, 'reference', { greeting: 'Ahoy' });
    const second = await emulator
      .invokeSlashCommand({ guildId, userId: emulator.state.findUser('owner')!.id, name: 'hello', options: { name: 'crew' } })
      .reply();
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

  it('GIVEN the guild set to French THEN the plugin replies in French and its commands carry French localizations', async () => {
    await bot.services.settings.set(guildId, 'baseline', { locale: 'fr' });
    const waves = await emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'waves' }).response();
    expect(waves.data).toMatchObject({ content: '1 coucou(s), 0 arrivée(s)' });
    await bot.services.settings.set(guildId, 'baseline', { locale: null });
    const hello = emulator.commands().find((command) => command.body.name === 'hello')!.body as Record<string, unknown>;
    expect(hello).toMatchObject({ name_localizations: { fr: 'bonjour' }, options: [expect.objectContaining({ name_localizations: { fr: 'nom' } })] });
  });

  it('GIVEN a user erases their data with /privacy delete-my-data THEN their grants and waves are gone and their usage rows are anonymised with totals unchanged', async () => {
    const ownerId = emulator.state.findUser('owner')!.id;
    const em = bot.services.db.fork();
    for (const [userId, cost] of [
      [ownerId, '0.0125000000'],
      [ownerId, '0.0300000000'],
      [aliceId, '0.0100000000'],
    ] as const) {
      em.create(LlmUsage, {
        guildId,
        userId,
        provider: 'openai',
        model: 'gpt-test',
        requestType: 'text',
        promptTokens: 10,
        completionTokens: 5,
        totalTokens: 15,
        estimatedCostUsd: cost,
        latencyMs: 20,
      });
    }
    await em.flush();
    const total = async () =>
      (await bot.services.db.fork().execute<{ total: string }[]>('select sum("estimated_cost_usd")::text as total from "llm_usage"'))[0]!.total;
    const rowsOf = async (table: string, userId: string) =>
      Number((await bot.services.db.fork().execute<{ n: string }[]>(`select count(*) as n from "${table}" where "user_id" = ?`, [userId]))[0]!.n);
    const before = await total();
    expect(await rowsOf('authorized_users', ownerId)).toBe(1);
    expect(await rowsOf('reference_waves', ownerId)).toBe(1);

    const ask = await emulator.invokeSlashCommand({ guildId, userId: ownerId, name: 'privacy', subcommand: 'delete-my-data' }).reply();
    expect(ask.ephemeral).toBe(true);
    // Only the user who asked may confirm.
    const stranger = await emulator.clickButton(ask.id, `baseline-privacy:confirm:${ownerId}`, 'alice').response();
    expect((stranger.data as { content: string }).content).toBe('Only the person who asked can confirm this.');
    expect(await rowsOf('reference_waves', ownerId)).toBe(1);

    const confirm = emulator.clickButton(ask.id, `baseline-privacy:confirm:${ownerId}`, 'owner');
    const done = await confirm.replyMatching((message) => message.content.startsWith('Your data was erased.'));
    expect(done.content).toContain('reference: erased');
    expect(await rowsOf('authorized_users', ownerId)).toBe(0);
    expect(await rowsOf('reference_waves', ownerId)).toBe(0);
    expect(await rowsOf('llm_usage', ownerId)).toBe(0);
    expect(await rowsOf('llm_usage', aliceId)).toBe(1);
    expect(await total()).toBe(before);
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
    const choices = (await emulator
      .invokeAutocomplete({ guildId, userId: aliceId, name: 'ask', options: { question: 'x', model: 'claude' }, focused: 'model' })
      .choices()) as { value: string }[];
    expect(choices.map((choice) => choice.value)).toEqual(['anthropic:claude-sonnet-4-6']);
    llm.anthropic.enqueue(llmReply.text('Waves are energy moving through water.'));
    const handle = emulator.invokeSlashCommand({
      guildId,
      userId: aliceId,
      name: 'ask',
      options: { question: 'What is a wave?', model: 'anthropic:claude-sonnet-4-6' },
    });
    const reply = await handle.replyMatching((message) => message.components.length === 0 && message.content !== '');
    expect(reply.content).toBe('Waves are energy moving through water.');
    expect(llm.anthropic.requests.at(-1)?.model).toBe('claude-sonnet-4-6');
    await expect
      .poll(async () =>
        (await bot.services.llm!.usage({ groupBy: ['guild', 'user', 'cog', 'provider'], cogName: 'reference-ask' })).map(
          ({ guildId: guild, userId, cogName, provider, requests }) => ({ guild, userId, cogName, provider, requests }),
        ),
      )
      .toEqual([{ guild: guildId, userId: aliceId, cogName: 'reference-ask', provider: 'anthropic', requests: 1 }]);
  });

  it('GIVEN a guild allowing one model THEN autocomplete offers only it and /ask with another is refused without a provider request', async () => {
    await bot.services.settings.set(guildId, 'llm', { allowedModels: ['gemini:gemini-2.5-flash'] });
    const choices = (await emulator
      .invokeAutocomplete({ guildId, userId: aliceId, name: 'ask', options: { question: 'x', model: '' }, focused: 'model' })
      .choices()) as { value: string }[];
    expect(choices.map((choice) => choice.value)).toEqual(['gemini:gemini-2.5-flash']);
    const before = llm.openai.requests.length;
    const refused = await emulator
      .invokeSlashCommand({ guildId, userId: emulator.state.findUser('owner')!.id, name: 'ask', options: { question: 'hi', model: 'openai:gpt-5.4' } })
      .reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('not allowed in this server');
    expect(llm.openai.requests.length).toBe(before);
    await bot.services.settings.set(guildId, 'llm', { allowedModels: [] });
  });
  it('GIVEN a bot without the MessageContent intent THEN /summarize says so privately and asks no model', async () => {
    const before = llm.openai.requests.length;
    const reply = await emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'summarize' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('needs the Message Content intent');
    expect(llm.openai.requests.length).toBe(before);
  });

  it('GIVEN /imagine THEN the image model is asked and the image arrives as an attachment', async () => {
    llm.openai.enqueue(llmReply.image());
    const reply = await emulator
      .invokeSlashCommand({ guildId, userId: emulator.state.findUser('owner')!.id, name: 'imagine', options: { prompt: 'a wave at sunset' } })
      .reply();
    expect(reply.content).toBe('> a wave at sunset');
    // The emulator keeps the attachment entries of an interaction edit (not the uploaded bytes): one file, described by the prompt.
    expect(reply.attachments).toEqual([expect.objectContaining({ id: '0', description: 'a wave at sunset' })]);
    expect(llm.openai.requests.at(-1)?.operation).toBe('images.generations');
  });
});

describe('reference plugin: /summarize with the MessageContent intent it declares', () => {
  let harness: PluginHarness;
  let llm: LlmEmulators;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    llm = await createLlmEmulators();
    harness = await createPluginHarness(referencePlugin, {
      // The intents the plugin declares, MessageContent included.
      env: llmEmulatorEnv(llm),
      seed: {
        users: [{ username: 'owner' }, { username: 'alice' }, { username: 'bob' }],
        guilds: [{ name: 'Demo', owner: 'owner', members: [{ user: 'alice' }, { user: 'bob' }] }],
      },
    });
    guildId = harness.driver.guildId();
    channelId = [...harness.emulator.state.guilds.get(guildId)!.channels.keys()][0]!;
    harness.emulator.sendMessage({ channelId, userId: harness.driver.userId('alice'), content: 'Shall we surf tomorrow at six?' });
    harness.emulator.sendMessage({ channelId, userId: harness.driver.userId('bob'), content: 'Yes, the swell is two metres.' });
  });
  afterAll(async () => {
    await harness?.close();
    await llm?.close();
  });

  it('GIVEN a valid structured answer THEN the summary and topics are posted and the model read the messages', async () => {
    llm.openai.enqueue(llmReply.json({ summary: 'Alice and Bob plan a surf session tomorrow at six.', topics: ['surfing', 'swell'] }));
    const reply = await harness.emulator
      .invokeSlashCommand({ guildId, userId: harness.driver.userId('alice'), name: 'summarize', options: { count: 10 } })
      .reply();
    expect(reply.content).toBe('**Summary of the last 2 message(s):** Alice and Bob plan a surf session tomorrow at six.\n**Topics:** surfing, swell');
    expect(JSON.stringify(llm.openai.requests.at(-1)?.body)).toContain('alice: Shall we surf tomorrow at six?');
  });

  it('GIVEN a malformed structured answer (also after the repair attempt) THEN the reply says so with a reference instead of a summary', async () => {
    llm.openai.enqueue(llmReply.json({ summary: 42 }));
    llm.openai.enqueue(llmReply.text('Sorry, here is prose instead of JSON.'));
    const reply = await harness.emulator.invokeSlashCommand({ guildId, userId: harness.driver.userId('bob'), name: 'summarize' }).reply();
    expect(reply.content).toMatch(/^The AI answered in a shape I could not read, so there is no summary\. Try again\. Reference: `.+`$/);
  });
});

describe('reference plugin: scheduled tasks and toggles', () => {
  let harness: PluginHarness;
  let guildId: string;
  beforeAll(async () => {
    harness = await createPluginHarness(referencePlugin, {
      seed: { users: [{ username: 'owner' }, { username: 'alice' }], guilds: [{ name: 'Demo', owner: 'owner', members: [{ user: 'alice' }] }] },
    });
    guildId = harness.driver.guildId();
  });
  afterAll(() => harness?.close());

  it('GIVEN /remind THEN a one-off job is scheduled for the guild AND the morning cron has a schedule per guild', async () => {
    const reply = await harness.emulator
      .invokeSlashCommand({ guildId, userId: harness.driver.userId('alice'), name: 'remind', options: { minutes: 5 } })
      .reply();
    expect(reply).toMatchObject({ content: 'I will remind you in 5 minute(s).', ephemeral: true });
    const statuses = await readTaskStatuses(harness.bot.services.kv);
    expect(statuses.map((status) => status.id).sort()).toEqual(['reference:morning-waves:' + guildId, 'reference:remind']);
    expect(statuses.find((status) => status.id === 'reference:remind')!.nextRunAt).toBeGreaterThan(Date.now() + 4 * 60_000);
  });

  it('GIVEN /remind disabled in the guild THEN it answers "disabled here" and /waves still works', async () => {
    const alice = harness.driver.userId('alice');
    await harness.bot.services.toggles.set({ guildId, pluginId: 'reference', command: 'remind', enabled: false });
    expect(await harness.emulator.invokeSlashCommand({ guildId, userId: alice, name: 'remind', options: { minutes: 1 } }).reply()).toMatchObject({
      content: 'This command is disabled here.',
      ephemeral: true,
    });
    expect((await harness.emulator.invokeSlashCommand({ guildId, userId: alice, name: 'waves' }).reply()).content).toBe('0 wave(s), 0 join(s)');
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
    const exists = async () =>
      ((await db.orm.em.getConnection().execute("select to_regclass('reference_waves') as name", [], 'all')) as { name: string | null }[])[0]!.name;
    expect(await exists()).toBe('reference_waves');
    expect(await rollbackMigrations(db, set, { to: 0 })).toEqual(['0001_create_waves']);
    expect(await exists()).toBeNull();
  });
});
