import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExampleBot, type ExampleBot } from '../src/start-example-bot.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));

describe('example bot without a token', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let example: ExampleBot;
  beforeAll(async () => {
    database = await createTestDatabase();
    redis = createTestRedis();
    example = await startExampleBot({
      appDir,
      env: { NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL: redis.url, LOG_LEVEL: 'silent' },
      envFiles: false,
      handleSignals: false,
      healthServer: false,
    });
  });
  afterAll(async () => {
    await example?.stop();
    await database?.drop();
    await redis?.cleanup();
  });

  it('GIVEN no DISCORD_BOT_TOKEN THEN it runs against the emulator with the reference plugin discovered from package.json', async () => {
    const { bot, emulator } = example;
    expect(emulator).toBeDefined();
    expect((await fetch(example.pageUrl!)).status).toBe(200);
    expect(bot.services.plugins.map((loaded) => [loaded.id, loaded.packageName])).toEqual([['reference', '@baseline-examples/plugin-reference']]);
    const guild = [...emulator!.state.guilds.values()][0]!;
    const reply = await emulator!.invokeSlashCommand({ guildId: guild.id, userId: 'alice', name: 'hello' }).reply();
    expect(reply.content).toBe('Hello, alice!');
  });

  it('GIVEN the bot stops THEN the emulator closes with it', async () => {
    await example.stop();
    await expect(fetch(`${example.emulator!.url}/api/v10/gateway`)).rejects.toThrow();
    await expect(fetch(example.pageUrl!)).rejects.toThrow();
  });
});
