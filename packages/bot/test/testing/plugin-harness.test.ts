import { createDatabase, createLogger, definePlugin, defineStorage } from '@baseline/core';
import { createTestRedisDatabase, type TestRedisDatabase } from '@baseline/testing';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, listener, slashCommand } from '../../src/index.js';
import { createPluginHarness, type PluginHarness } from '../../src/testing/index.js';

const counterStorage = defineStorage({ joins: 0 });

class CounterCog extends Cog<undefined, typeof counterStorage> {
  static override meta = { name: 'counter' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder().setName('joins').setDescription('How many members joined'),
      run: async (interaction) => interaction.reply(`${await this.storage.guild(interaction.guildId!).get('joins')} join(s)`),
    }),
  ];
  override listeners = [listener('guildMemberAdd', async (member) => void (await this.storage.guild(member.guild.id).incr('joins')))];
}

const counterPlugin = definePlugin({
  id: 'counter',
  name: 'Counter',
  version: '1.0.0',
  cogs: [CounterCog],
  storage: counterStorage,
  intents: ['GuildMembers'],
});

async function databaseExists(name: string): Promise<boolean> {
  const admin = await createDatabase({ url: process.env.BASELINE_TEST_DATABASE_URL!, logger: createLogger({ service: 'test', level: 'silent' }) });
  try {
    return (await admin.fork().execute('select 1 from pg_database where datname = ?', [name])).length === 1;
  } finally {
    await admin.close();
  }
}

describe('createPluginHarness', () => {
  // A Redis logical database of its own, so "no key outside the prefix" covers every key the bot wrote.
  let redisDb: TestRedisDatabase;
  let sharedRedisUrl: string | undefined;
  let harness: PluginHarness;
  beforeAll(async () => {
    redisDb = await createTestRedisDatabase();
    sharedRedisUrl = process.env.BASELINE_TEST_REDIS_URL;
    process.env.BASELINE_TEST_REDIS_URL = redisDb.url;
    harness = await createPluginHarness(counterPlugin, {
      seed: {
        users: [{ username: 'owner' }, { username: 'alice' }],
        guilds: [{ name: 'Harbour', owner: 'owner', channels: [{ name: 'general' }], members: [{ user: 'alice' }] }],
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
    process.env.BASELINE_TEST_REDIS_URL = sharedRedisUrl;
    await redisDb?.release();
  });

  it('GIVEN one plugin THEN the bot runs just that plugin against the seeded emulator and the driver acts as users by name', async () => {
    expect(harness.services.plugins.map((loaded) => loaded.id)).toEqual(['counter']);
    expect(
      harness.emulator
        .commands()
        .map((command) => command.body.name)
        .sort(),
    ).toEqual(['joins', 'privacy', 'status']);
    harness.driver.join('bob');
    await expect.poll(async () => (await harness.driver.run('joins', { as: 'alice' }).reply()).content).toBe('1 join(s)');
  });

  it('GIVEN the bot ran THEN every key it wrote is under the harness prefix (regression: command-sync markers, shard status and counters under "baseline:")', async () => {
    const keys = await redisDb.keys();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !key.startsWith(harness.redis.prefix))).toEqual([]);
    expect(harness.services.kv.prefix).toBe(harness.redis.prefix);
  });

  it('GIVEN close() THEN no key and no database are left', async () => {
    const database = harness.database.name;
    expect(await databaseExists(database)).toBe(true);
    await harness.close();
    expect(await redisDb.keys()).toEqual([]);
    expect(await databaseExists(database)).toBe(false);
  });
});
