import { createBot, type Bot } from '@baseline/bot';
import { loadConfig } from '@baseline/core';
import { startStandaloneEmulator, type DiscordEmulator, type StandaloneEmulator } from '@baseline/testing';
import { demoSeed } from './demo-seed.js';

/** Options of {@link startExampleBot}. */
export interface StartExampleBotOptions {
  /** The app directory: `.env` files and the package.json listing the plugins. */
  appDir: string;
  /** Environment; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** Read `.env` files from `appDir`. @default true */
  envFiles?: boolean;
  /** @default true */
  handleSignals?: boolean;
  /** @default true */
  healthServer?: boolean;
}

/** The running example: the bot, and the emulator when it runs offline. */
export interface ExampleBot {
  bot: Bot;
  emulator: DiscordEmulator | undefined;
  /** The emulator's web page, where you run the bot's commands as one of the demo users. */
  pageUrl: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the example bot. Plugins come from this app's package.json (the reference plugin). Without
 * `DISCORD_BOT_TOKEN` it starts the Discord emulator seeded with a demo guild and points the bot at it;
 * without `DATABASE_URL` core starts the embedded PostgreSQL, without `REDIS_URL` an in-memory store.
 */
export async function startExampleBot(options: StartExampleBotOptions): Promise<ExampleBot> {
  const env = options.env ?? process.env;
  const envFiles = options.envFiles === false ? false : undefined;
  let config = loadConfig({ cwd: options.appDir, env, ...(envFiles === false ? { envFiles } : {}) });
  let standalone: StandaloneEmulator | undefined;
  if (config.discord.botToken === undefined) {
    standalone = await startStandaloneEmulator({ seed: demoSeed, port: Number(env['EMULATOR_PORT'] ?? 0), pagePort: Number(env['EMULATOR_PAGE_PORT'] ?? 0) });
    config = loadConfig({
      cwd: options.appDir,
      env: { ...env, DISCORD_BOT_TOKEN: standalone.botToken, DISCORD_API_BASE_URL: standalone.urls.rest },
      ...(envFiles === false ? { envFiles } : {}),
    });
  }
  const emulator = standalone?.emulator;
  let bot: Bot;
  try {
    bot = await createBot({
      appDir: options.appDir,
      config,
      handleSignals: options.handleSignals ?? true,
      healthServer: options.healthServer ?? true,
      ...(emulator === undefined ? {} : { clientOptions: emulator.clientOptions() }),
    });
  } catch (error) {
    await standalone?.close();
    throw error;
  }
  const running = standalone;
  if (running !== undefined) bot.services.onClose(() => running.close());
  return { bot, emulator, pageUrl: standalone?.urls.page, stop: () => bot.stop() };
}
