import { createLogger, loadConfig, type Logger } from '@baseline/core';
import { createLogCapture, type LogLine } from '@baseline/core/testing';
import { createDiscordEmulator, createTestDatabase, createTestRedis, type DiscordEmulator, type TestDatabase, type TestRedis } from '@baseline/testing';
import { createBot, type Bot, type CreateBotOptions } from '../../../src/index.js';
import { recordForAudit } from '../../../../../test/support/secret-audit.js';

export type { LogLine };

type EmulatorOptions = NonNullable<Parameters<typeof createDiscordEmulator>[0]>;

/** The Discord emulator, a fresh PostgreSQL database and Redis prefix, and a way to start bots on them. */
export interface BotHarness {
  emulator: DiscordEmulator;
  logs: LogLine[];
  logger: Logger;
  database: TestDatabase;
  redis: TestRedis;
  /** Environment for `loadConfig`, pointing at the emulator, the database and Redis. */
  env: Record<string, string>;
  /** Starts a bot with test defaults (no signals, no health server, emulator client options). */
  start(options?: CreateBotOptions): Promise<Bot>;
  close(): Promise<void>;
}

export async function createBotHarness(emulatorOptions: EmulatorOptions = {}): Promise<BotHarness> {
  const emulator = await createDiscordEmulator({
    seed: { users: [{ username: 'owner' }, { username: 'alice' }], guilds: [{ name: 'Demo', owner: 'owner', members: [{ user: 'alice' }] }] },
    ...emulatorOptions,
    gateway: { identifyIntervalMs: 0, ...emulatorOptions.gateway },
  });
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const { lines: logs, destination, text: rawLogs } = createLogCapture();
  const logger = createLogger({ service: 'bot-test', level: 'debug', destination });
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    DISCORD_BOT_TOKEN: emulator.botToken,
    DISCORD_API_BASE_URL: emulator.restUrl,
  };
  const bots: Bot[] = [];
  return {
    emulator,
    logs,
    logger,
    database,
    redis,
    env,
    async start(options = {}) {
      const bot = await createBot({
        config: loadConfig({ env, envFiles: false }),
        logger,
        kvPrefix: redis.prefix,
        discover: false,
        handleSignals: false,
        healthServer: false,
        clientOptions: emulator.clientOptions(),
        ...options,
      });
      bots.push(bot);
      return bot;
    },
    async close() {
      for (const bot of bots) await bot.close().catch(() => {});
      await emulator.close();
      await database.drop();
      await redis.cleanup();
      // The bot's logs, kept in memory here, join the run-wide secret audit with the secrets this harness configured.
      recordForAudit('bot test harness', rawLogs(), [{ kind: 'discord bot token', value: emulator.botToken }]);
    },
  };
}

/** The only guild of the default seed. */
export function demoGuild(emulator: DiscordEmulator): { guildId: string; channelId: string; ownerId: string; aliceId: string } {
  const guild = [...emulator.state.guilds.values()].find((candidate) => candidate.name === 'Demo');
  if (guild === undefined) throw new Error('no Demo guild');
  const channel = [...guild.channels.values()][0];
  const user = (name: string) => [...emulator.state.users.values()].find((candidate) => candidate.username === name)!.id;
  return { guildId: guild.id, channelId: channel!.id, ownerId: user('owner'), aliceId: user('alice') };
}
