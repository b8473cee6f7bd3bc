import { createBot, type Bot } from '../../packages/bot/src/index.js';
import { loadConfig, type Plugin } from '../../packages/core/src/index.js';

/** What {@link startBenchBot} needs: the plugin under measurement and the Discord emulator it talks to. */
export interface BenchBotOptions {
  /** Where the embedded PostgreSQL keeps its data (`<appDir>/.baseline/postgres`) when `DATABASE_URL` is unset. */
  appDir: string;
  plugin: Plugin;
  discord: { botToken: string; restUrl: string };
  /** More environment, such as the LLM emulators' variables. */
  env?: Record<string, string | undefined>;
}

/**
 * A baseline bot as the benchmarks measure it: one plugin, no discovery, and nothing beside the measured path
 * (no /status command, signal handlers, health server or shard status writes). Embedded PostgreSQL unless
 * `DATABASE_URL` is set; in-memory key-value store unless `REDIS_URL` is set; logs at `warn` unless `LOG_LEVEL` says.
 */
export async function startBenchBot(options: BenchBotOptions): Promise<Bot> {
  const config = loadConfig({
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DISCORD_BOT_TOKEN: options.discord.botToken,
      DISCORD_API_BASE_URL: options.discord.restUrl,
    },
    envFiles: false,
  });
  return createBot({
    appDir: options.appDir,
    config,
    discover: false,
    plugins: [options.plugin],
    statusCommand: false,
    handleSignals: false,
    healthServer: false,
    shardStatus: false,
  });
}
