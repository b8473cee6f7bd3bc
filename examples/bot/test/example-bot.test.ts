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
      env: { NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL: redis.url, LOG_LEVEL: 'silent', API_PORT: '0' },
      envFiles: false,
      handleSignals: false,
      healthServer: false,
    });
  });
  afterAll(async () => {
    await example?.close();
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

  it('GIVEN the offline demo THEN the API serves from the same services AND its Discord login goes through the emulator', async () => {
    const { api, emulator } = example;
    expect(api).toBeDefined();
    const health = await fetch(`${api!.url}/api/v1/health`);
    expect(health.status).toBe(200);
    const login = (await (await fetch(`${api!.url}/api/v1/auth/discord/url`)).json()) as { url: string };
    expect(new URL(login.url).origin).toBe(new URL(emulator!.url).origin);
    expect(new URL(login.url).searchParams.get('client_id')).toBe(emulator!.applicationId);
  });

  it('GIVEN the bot stops THEN the emulator closes with it', async () => {
    await example.close();
    await expect(fetch(`${example.emulator!.url}/api/v10/gateway`)).rejects.toThrow();
    await expect(fetch(example.pageUrl!)).rejects.toThrow();
  });
});
