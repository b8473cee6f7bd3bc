// The plugin author's test harness, in @baseline/bot rather than @baseline/testing on purpose: it starts a bot,
// so it needs @baseline/bot, and @baseline/bot's own tests already need @baseline/testing (the emulator). Putting
// it in @baseline/testing would make the two packages depend on each other, and their builds (tsup with type
// declarations) would each need the other built first. Here the arrow points one way: @baseline/bot/testing
// imports @baseline/testing, declared as an optional peer dependency, so an app that never imports this entry
// never needs @baseline/testing installed.
import { loadConfig, type BaselineServices } from '@baseline/core';
import {
  createDiscordEmulator,
  createTestDatabase,
  createTestRedis,
  type DiscordEmulator,
  type DiscordEmulatorOptions,
  type DiscordEmulatorSeed,
  type TestDatabase,
  type TestRedis,
} from '@baseline/testing';
import type { Bot, CreateBotOptions } from '../runtime/bot-options.js';
import { createBot } from '../runtime/create-bot.js';
import { createHarnessDriver, type HarnessDriver } from './harness-driver.js';

/** The seed used when none is given: one guild "Test Guild" with a #general channel, its owner and alice. */
export const DEFAULT_HARNESS_SEED: DiscordEmulatorSeed = {
  users: [{ username: 'owner' }, { username: 'alice' }],
  guilds: [{ name: 'Test Guild', owner: 'owner', channels: [{ name: 'general' }], members: [{ user: 'alice' }] }],
};

/** Options of {@link createPluginHarness}. */
export interface PluginHarnessOptions {
  /** Users and guilds the emulator starts with; the bot is in every seeded guild. @default DEFAULT_HARNESS_SEED */
  seed?: DiscordEmulatorSeed;
  /** Other emulator options (gateway, REST, application). */
  emulator?: Omit<DiscordEmulatorOptions, 'seed'>;
  /** Extra environment for `loadConfig`, over the harness's own (database, Redis, emulator). */
  env?: Record<string, string>;
  /** Other `createBot` options; the harness's plugin, prefix, database and emulator always win. */
  bot?: Omit<CreateBotOptions, 'plugins' | 'kvPrefix' | 'config' | 'services'>;
}

/** A plugin running in a real bot against the Discord emulator, a fresh database and its own key prefix. */
export interface PluginHarness {
  /** The bot, logged in, with only this plugin (and the built-in `/status`). */
  readonly bot: Bot;
  readonly services: BaselineServices;
  /** The Discord emulator: every guild, member, message and interaction it holds. */
  readonly emulator: DiscordEmulator;
  /** Acts as users by name: run commands, join and leave, read messages. */
  readonly driver: HarnessDriver;
  /** The database created for this harness, dropped by `close()`. */
  readonly database: TestDatabase;
  /** The key prefix every key and channel of this bot lives under, deleted by `close()`. */
  readonly redis: TestRedis;
  /** Stops the bot and the emulator, drops the database and deletes every key under the prefix. */
  close(): Promise<void>;
}

/**
 * Starts one plugin in a real bot for a test: a Discord emulator seeded with `seed`, a fresh PostgreSQL database
 * (the plugin's migrations run), a fresh key prefix on the test Redis handed to the bot as `kvPrefix` (nothing is
 * written under the default `baseline:`), and the bot logged in with only that plugin. `close()` leaves nothing
 * behind. Runs inside Vitest with the repo's (or the scaffolded app's) global setup, which provides
 * `BASELINE_TEST_DATABASE_URL` and `BASELINE_TEST_REDIS_URL`.
 *
 * @param plugin - the plugin's default export (`definePlugin({...})`)
 * @param options - see {@link PluginHarnessOptions}
 * @example
 * ```ts
 * import { createPluginHarness, type PluginHarness } from '@baseline/bot/testing';
 * import plugin from '../src/index.js';
 *
 * let harness: PluginHarness;
 * beforeAll(async () => { harness = await createPluginHarness(plugin); });
 * afterAll(() => harness.close());
 *
 * it('GIVEN /hello THEN it greets', async () => {
 *   const reply = await harness.driver.run('hello', { as: 'alice' }).reply();
 *   expect(reply.content).toBe('Hello, alice!');
 * });
 * ```
 */
export async function createPluginHarness(plugin: unknown, options: PluginHarnessOptions = {}): Promise<PluginHarness> {
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  };
  try {
    const emulator = await createDiscordEmulator({
      ...options.emulator,
      seed: options.seed ?? DEFAULT_HARNESS_SEED,
      // Tests start one bot at a time: no 5-second identify window.
      gateway: { identifyIntervalMs: 0, ...options.emulator?.gateway },
    });
    cleanups.push(() => emulator.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const redis = createTestRedis();
    cleanups.push(() => redis.cleanup());
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      DISCORD_BOT_TOKEN: emulator.botToken,
      DISCORD_API_BASE_URL: emulator.restUrl,
      ...options.env,
    };
    const bot = await createBot({
      handleSignals: false,
      healthServer: false,
      ...options.bot,
      config: loadConfig({ env, envFiles: false }),
      discover: false,
      plugins: [plugin],
      kvPrefix: redis.prefix,
      clientOptions: { ...emulator.clientOptions(), ...options.bot?.clientOptions },
    });
    // The bot stops before the prefix is deleted and the database dropped (cleanups run in reverse).
    cleanups.push(() => bot.close());
    return {
      bot,
      services: bot.services,
      emulator,
      driver: createHarnessDriver(emulator),
      database,
      redis,
      close: once(cleanup),
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
