import { once } from 'node:events';
import { closeLogger, createServices, runPluginReady, runPluginShutdown, type BaselineServices } from '@baseline/core';
import { withDefaultLlmExtension } from '@baseline/llm';
import { LogLevel, SapphireClient } from '@sapphire/framework';
import { Events, type ClientOptions } from 'discord.js';
import { createCacheOptions } from '../cache/create-cache-options.js';
import { CogManager } from '../cogs/cog-manager.js';
import '../cogs/plugin-register.js';
import { formatCommandSyncPlan } from '../commands/plan-command-sync.js';
import { syncCommands, type CommandSyncResult } from '../commands/sync-commands.js';
import { installGuildTracking } from '../guilds/install-guild-tracking.js';
import { startHealthServer } from '../health/start-health-server.js';
import { installBotMetrics } from '../metrics/bot-metrics.js';
import { commandSyncChannel, type CommandSyncObservation } from '../metrics/channels.js';
import { buildRedisIdentifyThrottler } from '../sharding/create-redis-identify-throttler.js';
import { shardingClientOptions } from '../sharding/sharding-client-options.js';
import { startShardReporter } from '../shards/start-shard-reporter.js';
import { SettingsCog } from '../settings/settings-cog.js';
import { StatusCog } from '../status/status-cog.js';
import { createTaskRuntime, startTasks } from '../tasks/install-tasks.js';
import { reportPluginCommands } from '../toggles/report-plugin-commands.js';
import { BOT_ERROR_CODES, BotError } from './bot-error.js';
import type { Bot, CommandSyncSettings, CreateBotOptions } from './bot-options.js';
import { HandlerRunner } from './handler-runner.js';
import { createBotLocalization } from '../i18n/bot-localization.js';
import { PrivacyCog } from '../privacy/privacy-cog.js';
import { InFlight } from './in-flight.js';
import { resolveIntents } from './resolve-intents.js';
import { createRuntimePieces } from './runtime-pieces.js';
import { provideCorePieces, removePiece } from './sapphire-stores.js';
import { sapphireLogger } from './sapphire-logger.js';
import { installShutdownSignals } from './shutdown-signals.js';

/** Thrown through the startup steps when a signal stops the bot before it is up. */
const STARTUP_INTERRUPTED = Symbol('startup interrupted');

/** Something the bot started and stops on shutdown, in reverse order. */
interface Stoppable {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * Builds the services container (unless given), discovers plugins, loads their cogs onto a Sapphire client,
 * logs in, syncs commands, and starts guild tracking, the health server and shard status reports. Resolves
 * once the client is ready. One bot per process: Sapphire's container is process-global.
 *
 * With `handleSignals` (the default) SIGTERM/SIGINT handlers are installed first. A signal during startup is
 * held until the current step ends (a migration is never cut short), then the bot stops what it started and
 * the process exits 0; the returned promise never settles then. A second signal exits at once with code 1.
 *
 * Without a token it refuses with `BL_ERR_BOT_TOKEN_MISSING`; for development start the Discord emulator
 * from `@baseline/testing` and pass its URL and token through the configuration.
 *
 * @param options - see {@link CreateBotOptions}
 * @example
 * ```ts
 * const bot = await createBot({ appDir: process.cwd() });
 * // SIGTERM / SIGINT stop it gracefully; or:
 * await bot.stop();
 * ```
 */
export async function createBot(options: CreateBotOptions = {}): Promise<Bot> {
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  // Installed before any startup work: a signal during migrations or login is held until the bot can stop.
  const signals = options.handleSignals === false ? undefined : installShutdownSignals(shutdownTimeoutMs + 10_000);
  const ownsServices = options.services === undefined;
  let services: BaselineServices;
  try {
    services = options.services ?? (await createServices({ ...options, service: 'bot', extensions: withDefaultLlmExtension(options.extensions) }));
  } catch (error) {
    signals?.remove();
    throw error;
  }
  const closeServices = options.closeServices ?? ownsServices;
  const { config } = services;
  const logger = services.logger.child({ component: 'bot' });
  const token = options.token ?? config.discord.botToken;
  if (token === undefined) {
    signals?.remove();
    if (closeServices) await services.close();
    throw new BotError(
      BOT_ERROR_CODES.tokenMissing,
      'no bot token: set DISCORD_BOT_TOKEN, or run against the Discord emulator from @baseline/testing (set DISCORD_API_BASE_URL to its REST URL and DISCORD_BOT_TOKEN to its token)',
    );
  }

  const localization = createBotLocalization(services, options.messages);
  const inFlight = new InFlight();
  let stopping = false;
  const runner = new HandlerRunner({ inFlight, isStopping: () => stopping, localization });

  const clientOptions: ClientOptions = {
    intents: resolveIntents(config, services.plugins),
    ...(options.cache === false ? {} : createCacheOptions(options.cache ?? {})),
    ...shardingClientOptions(config.sharding),
    ...options.clientOptions,
    rest: { ...(config.discord.apiBaseUrl === undefined ? {} : { api: config.discord.apiBaseUrl }), ...options.clientOptions?.rest },
    ws: {
      ...(services.kv.kind === 'redis' ? { buildIdentifyThrottler: buildRedisIdentifyThrottler(services.kv) as never } : {}),
      ...options.clientOptions?.ws,
    },
  };
  const client = new SapphireClient({
    ...clientOptions,
    baseUserDirectory: null,
    loadMessageCommandListeners: false,
    logger: { instance: sapphireLogger(services.logger.child({ component: 'sapphire' })), level: LogLevel.Debug },
  }) as SapphireClient<true>;
  provideCorePieces(client);
  // Baseline syncs commands itself (diffed, locked, counted); Sapphire's registration on ready stays off.
  await removePiece(client, 'listeners', 'CoreReady');
  for (const { store, name, piece } of createRuntimePieces({ kv: services.kv, toggles: services.toggles, localization })) {
    await client.stores.loadPiece({ store, name, piece: piece as never });
  }

  const tasks = options.tasks === false ? undefined : createTaskRuntime(services);
  const cogs = new CogManager({ client, services, runner, logger: services.logger.child({ component: 'cogs' }), ...(tasks === undefined ? {} : { tasks }) });
  if (options.statusCommand !== false) await cogs.load(StatusCog);
  if (options.privacyCommand !== false) await cogs.load(PrivacyCog);
  // `/settings` only exists when some plugin has settings to show (baseline's own `locale` alone does not add it).
  if (options.settingsCommand !== false && services.plugins.some((loaded) => loaded.plugin.settings !== undefined)) await cogs.load(SettingsCog);
  for (const loaded of services.plugins) {
    for (const cogClass of loaded.plugin.cogs ?? []) {
      await cogs.load(cogClass, { pluginId: loaded.id, settingsNamespace: loaded.settingsNamespace, storage: loaded.plugin.storage, logger: loaded.logger });
    }
  }
  for (const cogClass of options.cogs ?? []) await cogs.load(cogClass);
  await reportPluginCommands(services.toggles, cogs, services.plugins.map((loaded) => loaded.id));

  const background: Stoppable[] = [];
  // Closed last among the background tasks (its connections exist from here); `startTasks` adds the listeners' stop.
  if (tasks !== undefined) background.push({ name: 'task-runtime', stop: () => tasks.close() });
  let lastSync: CommandSyncResult | undefined;
  const sync = async (settings: CommandSyncSettings = {}): Promise<CommandSyncResult> => {
    const result = await syncCommands({
      rest: client.rest,
      applicationId: client.application?.id ?? client.user.id,
      kv: services.kv,
      logger: services.logger.child({ component: 'command-sync' }),
      commands: cogs.commandBodies(),
      ...settings,
    });
    if (settings.dryRun) logger.info({ plan: formatCommandSyncPlan(result.plans) }, 'command sync plan (dry run, nothing written)');
    const outcome = result.skipped ?? (settings.dryRun ? 'dry-run' : 'applied');
    commandSyncChannel.publish({ writes: result.writes, result: outcome } satisfies CommandSyncObservation);
    return result;
  };

  let interruptStartup = () => {};
  const startupInterrupted = new Promise<typeof STARTUP_INTERRUPTED>((resolve) => (interruptStartup = () => resolve(STARTUP_INTERRUPTED)));
  /** Awaits a startup step, or throws {@link STARTUP_INTERRUPTED} as soon as stopping begins. */
  const startupStep = async <T>(step: Promise<T>): Promise<T> => {
    step.catch(() => {});
    const result = await Promise.race([step, startupInterrupted]);
    if (result === STARTUP_INTERRUPTED) throw STARTUP_INTERRUPTED;
    return result as T;
  };
  const stop = onceAsync(async () => {
    stopping = true;
    interruptStartup();
    logger.info({ in_flight: inFlight.size }, 'bot stopping');
    const left = await inFlight.drain(shutdownTimeoutMs);
    if (left > 0) logger.warn({ in_flight: left }, 'shutdown bound reached with handlers still running');
    for (const task of background.reverse()) {
      await task.stop().catch((error: unknown) => logger.error({ err: error, task: task.name }, 'stopping a background task failed'));
    }
    await cogs.unloadAll().catch((error: unknown) => logger.error({ err: error }, 'unloading cogs failed'));
    await runPluginShutdown({ plugins: services.plugins, services, logger });
    await client.destroy();
    signals?.remove();
    logger.info('bot stopped');
    if (closeServices) await services.close();
    // The logger is flushed last (file output writes its final lines); only when the bot made it.
    if (ownsServices && options.logger === undefined) await closeLogger(services.logger);
  });

  signals?.bind(stop, logger);
  try {
    if (stopping) throw STARTUP_INTERRUPTED;
    // Before login, so the first gateway events are counted.
    const metrics = (options.metrics ?? config.metrics.enabled) ? installBotMetrics(client, services) : undefined;
    if (metrics !== undefined) background.push({ name: 'metrics', stop: async () => metrics.stop() });
    if (options.guildTracking !== false) {
      const tracking = installGuildTracking(client, services);
      background.push({ name: 'guild-tracking', stop: () => tracking.stop() });
    }
    const ready = once(client, Events.ClientReady);
    await startupStep(client.login(token));
    await startupStep(ready);
    client.id = client.user.id;
    logger.info({ user: client.user.tag, guilds: client.guilds.cache.size, shards: [...client.ws.shards.keys()] }, 'bot logged in');

    if (options.commandSync !== false) {
      // A failed sync leaves Discord's commands as they were; the bot still serves them.
      lastSync = await startupStep(
        sync(options.commandSync ?? {}).catch((error: unknown) => {
          logger.error({ err: error, code: (error as { code?: string }).code }, 'command sync failed; Discord keeps the commands it had');
          commandSyncChannel.publish({ writes: 0, result: 'failed' } satisfies CommandSyncObservation);
          return undefined;
        }),
      );
    }
    if (options.shardStatus !== false) {
      const reporter = startShardReporter(client, services, options.shardStatus === true || options.shardStatus === undefined ? {} : options.shardStatus);
      background.push({ name: 'shard-reporter', stop: () => reporter.stop() });
    }
    if (options.healthServer !== false) {
      const health = await startupStep(startHealthServer(client, services, { metrics }));
      background.push({ name: 'health-server', stop: () => health.stop() });
    }
    if (tasks !== undefined) {
      const running = await startupStep(startTasks(tasks, { client, cogs, logger: services.logger.child({ component: 'tasks' }) }));
      background.push({ name: 'tasks', stop: () => running.stop() });
    }
    await startupStep(runPluginReady({ plugins: services.plugins, services, logger }));
  } catch (error) {
    if (error === STARTUP_INTERRUPTED || stopping) {
      // Only a signal stops the bot before createBot returns; its handler exits the process once stopped.
      await stop();
      return new Promise<never>(() => {});
    }
    await stop().catch(() => {});
    throw error;
  }

  return {
    client,
    services,
    cogs,
    commands: {
      desired: () => cogs.commandBodies(),
      sync,
      get lastSync() {
        return lastSync;
      },
    },
    get inFlight() {
      return inFlight.size;
    },
    get stopping() {
      return stopping;
    },
    stop,
  };
}

function onceAsync(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
