import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createApi, type BaselineApi } from '@baseline/api';
import { createBot, type Bot } from '@baseline/bot';
import { createLogger, loadConfig } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, createTestRedis, type DiscordEmulator } from '@baseline/testing';
import { buildExampleDashboard, EXAMPLE_APP_DIR, type BuiltDashboard } from './build-dashboard.js';

/** The people of the dashboard tests: owner added the bot to Demo; dev is on the developer team (Main). */
export const PEOPLE = ['owner', 'alice', 'bob', 'dev'] as const;
export type Person = (typeof PEOPLE)[number];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The whole product on 127.0.0.1: the Discord emulator, PostgreSQL and Redis, the example bot (the reference
 * plugin discovered from its package.json) and the API on the bot's services, serving the example dashboard
 * built for production. The OAuth redirect goes to the dashboard's own `/auth/callback`.
 */
export async function createDashboardStack(outDir: string) {
  const built: BuiltDashboard = await buildExampleDashboard(join(outDir, 'dist'));
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const emulator: DiscordEmulator = await createDiscordEmulator({
    seed: {
      users: PEOPLE.map((username) => ({ username, globalName: username[0]!.toUpperCase() + username.slice(1) })),
      guilds: [
        { name: 'Main', owner: 'dev', bot: { addedBy: 'dev' } },
        { name: 'Demo', owner: 'owner', members: [{ user: 'alice' }, { user: 'bob' }], channels: [{ name: 'general' }], bot: { addedBy: 'owner' } },
      ],
    },
  });
  const guildId = (name: string) => [...emulator.state.guilds.values()].find((guild) => guild.name === name)!.id;
  const guilds = { main: guildId('Main'), demo: guildId('Demo') };
  const userIds = Object.fromEntries(PEOPLE.map((name) => [name, emulator.state.findUser(name)!.id])) as Record<Person, string>;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      DISCORD_BOT_TOKEN: emulator.botToken,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_CLIENT_SECRET: emulator.clientSecret,
      DISCORD_API_BASE_URL: emulator.restUrl,
      DISCORD_REDIRECT_URI: `${url}/auth/callback`,
      MAIN_GUILD_ID: guilds.main,
      API_SECRET_KEY: randomBytes(32).toString('hex'),
    },
    envFiles: false,
  });
  const bot: Bot = await createBot({
    appDir: EXAMPLE_APP_DIR,
    config,
    logger: createLogger({ service: 'dashboard-e2e', level: 'silent' }),
    kvPrefix: redis.prefix,
    clientOptions: emulator.clientOptions(),
    commandSync: { syncMarkerTtlMs: 0 },
    handleSignals: false,
    healthServer: false,
  });
  const api: BaselineApi = await createApi({ services: bot.services, dashboard: { root: built.outDir }, http: { logRequests: false } });
  await api.listen({ host: '127.0.0.1', port });
  return {
    url,
    built,
    emulator,
    bot,
    api,
    guilds,
    userIds,
    async close() {
      await api.close();
      await bot.close();
      await emulator.close();
      await redis.cleanup();
      await database.drop();
    },
  };
}

export type DashboardStack = Awaited<ReturnType<typeof createDashboardStack>>;
