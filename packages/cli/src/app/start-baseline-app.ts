import { startApi, type RunningApi } from '@baseline/api';
import { createBot, type Bot } from '@baseline/bot';
import { loadConfig, type BaselineConfig } from '@baseline/core';
import { startOfflineLlm, startStandaloneEmulator, type DiscordEmulator, type StandaloneEmulator } from '@baseline/testing';
import type { BaselineApp } from './define-app.js';

/** Options of {@link startBaselineApp}. */
export interface StartBaselineAppOptions {
  /** The app directory: `.env` files, the package.json listing plugins, `.baseline/` (embedded PostgreSQL). */
  appDir: string;
  /** The app's own plugins and cogs. @default {} */
  app?: BaselineApp;
  /** Environment. @default process.env */
  env?: Record<string, string | undefined>;
  /** Read `.env` and `.env.local` from `appDir`. @default true */
  envFiles?: boolean;
  /**
   * Start the Discord emulator when `DISCORD_BOT_TOKEN` is not set; `false` leaves the token required (production).
   * @default true
   */
  emulator?: boolean;
  /** Emulator ports (0 = free ones). @default { port: EMULATOR_PORT ?? 0, pagePort: EMULATOR_PAGE_PORT ?? 0 } */
  emulatorPorts?: { port?: number; pagePort?: number };
  /** Serve the REST API from the same process, on `API_HOST:API_PORT`. @default true */
  api?: boolean;
  /**
   * A built dashboard folder (`vite build`'s output, holding index.html) for the API to serve at its origin.
   * @default none: the API serves only `/api` and `/health`
   */
  dashboard?: string;
  /** Sync commands with Discord at startup; `false` leaves the registry alone (`baseline commands plan`). @default true */
  commandSync?: boolean;
  /** @default true */
  handleSignals?: boolean;
  /** @default true */
  healthServer?: boolean;
}

/** A running app. */
export interface RunningApp {
  readonly bot: Bot;
  readonly config: BaselineConfig;
  /** The emulator, when the app runs offline. */
  readonly emulator: DiscordEmulator | undefined;
  /** The emulator's web page, where you run commands as a demo user. */
  readonly emulatorPageUrl: string | undefined;
  readonly api: RunningApi | undefined;
  /** Closes the API, the bot, its services and the emulator. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a bot app in this process: the bot with the app's plugins and cogs (plus those in package.json) and the
 * REST API on the same services. Without `DISCORD_BOT_TOKEN` it first starts the Discord emulator and points the
 * bot and the OAuth login at it; without `DATABASE_URL` core starts the embedded PostgreSQL, without `REDIS_URL`
 * an in-memory store. `baseline dev`, `baseline start` and the generated app's tests all start the app here.
 *
 * @example
 * ```ts
 * const running = await startBaselineApp({ appDir, app, env: { LOG_LEVEL: 'silent' }, handleSignals: false });
 * const reply = await running.emulator!.invokeSlashCommand({ guildId, userId, name: 'greet' }).reply();
 * await running.close();
 * ```
 */
export async function startBaselineApp(options: StartBaselineAppOptions): Promise<RunningApp> {
  const env = options.env ?? process.env;
  const files = options.envFiles === false ? { envFiles: false as const } : {};
  let config = loadConfig({ cwd: options.appDir, env, ...files });
  let standalone: StandaloneEmulator | undefined;
  let overrides: Record<string, string> = {};
  if (config.discord.botToken === undefined && options.emulator !== false) {
    standalone = await startStandaloneEmulator({
      ...(options.app?.emulatorSeed === undefined ? {} : { seed: options.app.emulatorSeed }),
      port: options.emulatorPorts?.port ?? Number(env['EMULATOR_PORT'] ?? 0),
      pagePort: options.emulatorPorts?.pagePort ?? Number(env['EMULATOR_PAGE_PORT'] ?? 0),
    });
    overrides = emulatorEnv(standalone, env, options.dashboard !== undefined);
  }
  // No LLM provider key outside production: the provider emulators answer, offline (as Discord's emulator does).
  const offlineLlm = options.emulator === false ? undefined : await startOfflineLlm(config);
  if (offlineLlm !== undefined) overrides = { ...overrides, ...offlineLlm.env };
  if (Object.keys(overrides).length > 0) config = loadConfig({ cwd: options.appDir, env: { ...env, ...overrides }, ...files });
  const emulator = standalone?.emulator;
  let bot: Bot;
  try {
    bot = await createBot({
      appDir: options.appDir,
      config,
      plugins: options.app?.plugins ?? [],
      cogs: options.app?.cogs ?? [],
      extensions: options.app?.extensions ?? [],
      handleSignals: options.handleSignals ?? true,
      healthServer: options.healthServer ?? true,
      // A fresh emulator starts with an empty command registry: a sync marker left by an earlier run is stale.
      ...(emulator === undefined ? {} : { clientOptions: emulator.clientOptions(), commandSync: { syncMarkerTtlMs: 0 } }),
      ...(options.commandSync === false ? { commandSync: false as const } : {}),
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
  if (standalone !== undefined) {
    const running = standalone;
    bot.services.onClose(() => running.close());
  }
  let api: RunningApi | undefined;
  if (options.api !== false) {
    try {
      api = await startApi({ services: bot.services, ...(options.dashboard === undefined ? {} : { dashboard: { root: options.dashboard } }) });
    } catch (error) {
      await bot.close();
      throw error;
    }
    const serving = api;
    // Closers run before the database closes: the API stops taking requests first.
    bot.services.onClose(() => serving.close());
  }
  return { bot, config, emulator, emulatorPageUrl: standalone?.urls.page, api, close: () => bot.close() };
}

/** The variables that point the bot and the dashboard's Discord login at the emulator. */
function emulatorEnv(standalone: StandaloneEmulator, env: Record<string, string | undefined>, apiServesDashboard: boolean): Record<string, string> {
  // The dashboard's login callback: on the API's origin when the API serves the build, else Vite's dev server.
  const callback = apiServesDashboard ? `http://127.0.0.1:${env['API_PORT'] ?? 3000}/auth/callback` : 'http://127.0.0.1:5173/auth/callback';
  return {
    DISCORD_BOT_TOKEN: standalone.botToken,
    DISCORD_API_BASE_URL: standalone.urls.rest,
    DISCORD_CLIENT_ID: standalone.applicationId,
    DISCORD_CLIENT_SECRET: standalone.clientSecret,
    DISCORD_REDIRECT_URI: env['DISCORD_REDIRECT_URI'] ?? callback,
    // Offline, nothing needs to reach the API from another machine.
    API_HOST: env['API_HOST'] ?? '127.0.0.1',
  };
}
