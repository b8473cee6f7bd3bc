import { startApi, type RunningApi } from '@baseline/api';
import { createBot, type Bot } from '@baseline/bot';
import { loadConfig } from '@baseline/core';
import { startOfflineLlm, startStandaloneEmulator, type DiscordEmulator, type StandaloneEmulator } from '@baseline/testing';
import { chooseApiHost, type ApiHostChoice } from './api-host.js';
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
  /**
   * Also serve the REST API (`/api/v1`) from the bot's process, on `API_HOST:API_PORT`; `false` skips it.
   * @default true
   */
  api?: boolean;
  /** A built dashboard folder for the API to serve at its origin (see `buildDashboard`). */
  dashboard?: string;
}

/** The running example: the bot, and the emulator when it runs offline. */
export interface ExampleBot {
  bot: Bot;
  emulator: DiscordEmulator | undefined;
  /** The emulator's web page, where you run the bot's commands as one of the demo users. */
  pageUrl: string | undefined;
  /** The REST API, sharing the bot's services (one database, one key-value store). */
  api: RunningApi | undefined;
  /** The host the API binds and why (logged at start). */
  apiHost: ApiHostChoice;
  /** Closes the API, the bot, its services and the emulator. */
  close(): Promise<void>;
}

/**
 * Starts the example bot. Plugins come from this app's package.json (the reference plugin). Without
 * `DISCORD_BOT_TOKEN` it starts the Discord emulator seeded with a demo guild and points the bot at it;
 * without `DATABASE_URL` core starts the embedded PostgreSQL, without `REDIS_URL` an in-memory store.
 */
export async function startExampleBot(options: StartExampleBotOptions): Promise<ExampleBot> {
  const env = options.env ?? process.env;
  const fileOptions = options.envFiles === false ? { envFiles: false as const } : {};
  let config = loadConfig({ cwd: options.appDir, env, ...fileOptions });
  const offline = config.discord.botToken === undefined;
  // `.env` files count as set, as they do for loadConfig.
  const apiHost = chooseApiHost(config.api.host === '0.0.0.0' ? env : { ...env, API_HOST: config.api.host }, offline);
  let standalone: StandaloneEmulator | undefined;
  let overrides: Record<string, string> = {};
  if (offline) {
    standalone = await startStandaloneEmulator({ seed: demoSeed, port: Number(env['EMULATOR_PORT'] ?? 0), pagePort: Number(env['EMULATOR_PAGE_PORT'] ?? 0) });
    overrides = {
      DISCORD_BOT_TOKEN: standalone.botToken,
      DISCORD_API_BASE_URL: standalone.urls.rest,
      // The dashboard logs in through the emulator's OAuth2 too.
      DISCORD_CLIENT_ID: standalone.applicationId,
      DISCORD_CLIENT_SECRET: standalone.clientSecret,
      // The dashboard's callback page: on the API's origin when the API serves it, else Vite's dev server.
      DISCORD_REDIRECT_URI:
        env['DISCORD_REDIRECT_URI'] ??
        (options.dashboard === undefined ? 'http://127.0.0.1:5173/auth/callback' : `http://127.0.0.1:${env['API_PORT'] ?? 3000}/auth/callback`),
      API_HOST: apiHost.host,
    };
  }
  // No provider key in development: the LLM provider emulators answer, so /ask works offline.
  const offlineLlm = await startOfflineLlm(config);
  if (offlineLlm !== undefined) overrides = { ...overrides, ...offlineLlm.env };
  if (Object.keys(overrides).length > 0) config = loadConfig({ cwd: options.appDir, env: { ...env, ...overrides }, ...fileOptions });
  const emulator = standalone?.emulator;
  let bot: Bot;
  try {
    bot = await createBot({
      appDir: options.appDir,
      config,
      handleSignals: options.handleSignals ?? true,
      healthServer: options.healthServer ?? true,
      // A fresh emulator starts with an empty command registry: never trust a sync marker left in Redis by an
      // earlier run against another emulator.
      ...(emulator === undefined ? {} : { clientOptions: emulator.clientOptions(), commandSync: { syncMarkerTtlMs: 0 } }),
    });
  } catch (error) {
    await standalone?.close();
    await offlineLlm?.emulators.close();
    throw error;
  }
  if (offlineLlm !== undefined) {
    bot.services.logger.warn({ llm_emulators: true }, offlineLlm.warning);
    bot.services.onClose(() => offlineLlm.emulators.close());
  }
  const running = standalone;
  if (running !== undefined) bot.services.onClose(() => running.close());
  let api: RunningApi | undefined;
  if (options.api !== false) {
    bot.services.logger.info({ api_host: apiHost.host, reason: apiHost.reason }, `the API binds ${apiHost.host}: ${apiHost.reason}`);
    try {
      api = await startApi({
        services: bot.services,
        host: apiHost.host,
        ...(options.dashboard === undefined ? {} : { dashboard: { root: options.dashboard } }),
      });
    } catch (error) {
      await bot.close();
      throw error;
    }
    const serving = api;
    // Closers run before the database and key-value store close: the API stops taking requests first.
    bot.services.onClose(() => serving.close());
  }
  return { bot, emulator, pageUrl: standalone?.urls.page, api, apiHost, close: () => bot.close() };
}
