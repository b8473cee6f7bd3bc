import type { Bot } from '@baseline/bot';
import { createPluginHarness, type PluginHarness } from '@baseline/bot/testing';
import { createDatabase, createLogger, createPluginStorage, migrateBaseline, readTaskStatuses, pluginMigrationsTable, rollbackMigrations, runMigrations, type Database } from '@baseline/core';
import { createTestDatabase, type DiscordEmulator, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import referencePlugin, { referenceMigrations, referenceStorage } from '../src/index.js';

describe('reference plugin against the Discord emulator', () => {
  let harness: PluginHarness;
  let emulator: DiscordEmulator;
  let bot: Bot;
  let guildId: string;
  let aliceId: string;
  const joins = () => createPluginStorage({ db: bot.services.db, kv: bot.services.kv, pluginId: 'reference', definition: referenceStorage }).guild(guildId).get('joins');

  beforeAll(async () => {
    harness = await createPluginHarness(referencePlugin, {
      seed: { users: [{ username: 'owner' }, { username: 'alice' }], guilds: [{ name: 'Demo', owner: 'owner', members: [{ user: 'alice' }] }] },
    });
    ({ emulator, bot } = harness);
    guildId = harness.driver.guildId();
    aliceId = harness.driver.userId('alice');
  });
  afterAll(() => harness?.close());

  it('GIVEN the plugin THEN its cog loads and its commands are registered', () => {
    expect(bot.cogs.get('reference')?.pluginId).toBe('reference');
    expect(emulator.commands().map((command) => command.body.name).sort()).toEqual(['hello', 'remind', 'settings', 'status', 'waves']);
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
    const reply = await harness.emulator.invokeSlashCommand({ guildId, userId: harness.driver.userId('alice'), name: 'remind', options: { minutes: 5 } }).reply();
    expect(reply).toMatchObject({ content: 'I will remind you in 5 minute(s).', ephemeral: true });
    const statuses = await readTaskStatuses(harness.bot.services.kv);
    expect(statuses.map((status) => status.id).sort()).toEqual(['reference:morning-waves:' + guildId, 'reference:remind']);
    expect(statuses.find((status) => status.id === 'reference:remind')!.nextRunAt).toBeGreaterThan(Date.now() + 4 * 60_000);
  });

  it('GIVEN /remind disabled in the guild THEN it answers "disabled here" and /waves still works', async () => {
    const alice = harness.driver.userId('alice');
    await harness.bot.services.toggles.set({ guildId, pluginId: 'reference', command: 'remind', enabled: false });
    expect(await harness.emulator.invokeSlashCommand({ guildId, userId: alice, name: 'remind', options: { minutes: 1 } }).reply()).toMatchObject({ content: 'This command is disabled here.', ephemeral: true });
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
    const exists = async () => ((await db.orm.em.getConnection().execute("select to_regclass('reference_waves') as name", [], 'all')) as { name: string | null }[])[0]!.name;
    expect(await exists()).toBe('reference_waves');
    expect(await rollbackMigrations(db, set, { to: 0 })).toEqual(['0001_create_waves']);
    expect(await exists()).toBeNull();
  });
});
