import { once } from 'node:events';
import { closeLogger, runPluginReady, runPluginShutdown } from '@baseline/core';
import { Events } from 'discord.js';
import { CogManager } from '../cogs/cog-manager.js';
import '../cogs/plugin-register.js';
import type { CommandSyncResult } from '../commands/sync-commands.js';
import { installGuildTracking } from '../guilds/install-guild-tracking.js';
import { startHealthServer } from '../health/start-health-server.js';
import { createBotLocalization } from '../i18n/bot-localization.js';
import { installBotMetrics } from '../metrics/bot-metrics.js';
import { startShardReporter } from '../shards/start-shard-reporter.js';
import { createTaskRuntime, startTasks } from '../tasks/install-tasks.js';
import { BackgroundTasks } from './background-tasks.js';
import { createBotCommandSync, syncAtStartup } from './bot-command-sync.js';
import type { Bot, CreateBotOptions } from './bot-options.js';
import { buildClient } from './build-client.js';
import { connectServices, type BotServices } from './connect-services.js';
import { HandlerRunner } from './handler-runner.js';
import { InFlight } from './in-flight.js';
import { loadCogs } from './load-cogs.js';
import { requireToken } from './require-token.js';
import { installShutdownSignals } from './shutdown-signals.js';
import { createStartupGate, STARTUP_INTERRUPTED } from './startup-gate.js';

/**
 * Builds the services container (unless given), discovers plugins, loads their cogs onto a Sapphire client,
 * logs in, syncs commands, and starts guild tracking, the health server and shard status reports. Resolves
 * once the client is ready. One bot per process: Sapphire's container is process-global.
 *
 * The steps, in order: {@link connectServices}, {@link requireToken}, {@link buildClient}, {@link loadCogs}, then
 * login, {@link syncAtStartup}, the shard reporter, {@link startHealthServer}, the scheduled tasks and the plugins'
 * `ready` hooks.
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
 * await bot.close();
 * ```
 */
export async function createBot(options: CreateBotOptions = {}): Promise<Bot> {
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  // Installed before any startup work: a signal during migrations or login is held until the bot can stop.
  const signals = options.handleSignals === false ? undefined : installShutdownSignals(shutdownTimeoutMs + 10_000);
  let connected: BotServices;
  let token: string;
  try {
    connected = await connectServices(options);
  } catch (error) {
    signals?.remove();
    throw error;
  }
  const { services, owned, closeOnStop } = connected;
  try {
    token = requireToken(options.token, services.config);
  } catch (error) {
    signals?.remove();
    if (closeOnStop) await services.close();
    throw error;
  }
  const logger = services.logger.child({ component: 'bot' });

  const localization = createBotLocalization(services, options.messages);
  const inFlight = new InFlight();
  let stopping = false;
  const runner = new HandlerRunner({ inFlight, isStopping: () => stopping, localization });
  const client = await buildClient(services, options, localization);
  const tasks = options.tasks === false ? undefined : createTaskRuntime(services);
  const cogs = new CogManager({ client, services, runner, logger: services.logger.child({ component: 'cogs' }), ...(tasks === undefined ? {} : { tasks }) });
  await loadCogs(cogs, services, options);

  const background = new BackgroundTasks();
  // Closed last among the background tasks (its connections exist from here); `startTasks` adds the listeners' stop.
  if (tasks !== undefined) background.add('task-runtime', () => tasks.close());
  const sync = createBotCommandSync(client, services, cogs, logger);
  let lastSync: CommandSyncResult | undefined;
  const gate = createStartupGate();

  const close = onceAsync(async () => {
    stopping = true;
    gate.interrupt();
    logger.info({ in_flight: inFlight.size }, 'bot stopping');
    const left = await inFlight.drain(shutdownTimeoutMs);
    if (left > 0) logger.warn({ in_flight: left }, 'shutdown bound reached with handlers still running');
    await background.stopAll((error, task) => logger.error({ err: error, task }, 'stopping a background task failed'));
    await cogs.unloadAll().catch((error: unknown) => logger.error({ err: error }, 'unloading cogs failed'));
    await runPluginShutdown({ plugins: services.plugins, services, logger });
    await client.destroy();
    signals?.remove();
    logger.info('bot stopped');
    if (closeOnStop) await services.close();
    // The logger is flushed last (file output writes its final lines); only when the bot made it.
    if (owned && options.logger === undefined) await closeLogger(services.logger);
  });

  signals?.bind(close, logger);
  try {
    if (stopping) throw STARTUP_INTERRUPTED;
    // Before login, so the first gateway events are counted.
    const metrics = (options.metrics ?? services.config.metrics.enabled) ? installBotMetrics(client, services) : undefined;
    if (metrics !== undefined) background.add('metrics', () => metrics.close());
    if (options.guildTracking !== false) {
      const tracking = installGuildTracking(client, services);
      background.add('guild-tracking', () => tracking.close());
    }
    const ready = once(client, Events.ClientReady);
    await gate.step(client.login(token));
    await gate.step(ready);
    client.id = client.user.id;
    logger.info({ user: client.user.tag, guilds: client.guilds.cache.size, shards: [...client.ws.shards.keys()] }, 'bot logged in');

    if (options.commandSync !== false) lastSync = await gate.step(syncAtStartup(sync, options.commandSync ?? {}, logger));
    if (options.shardStatus !== false) {
      const reporter = startShardReporter(client, services, options.shardStatus === true || options.shardStatus === undefined ? {} : options.shardStatus);
      background.add('shard-reporter', () => reporter.close());
    }
    if (options.healthServer !== false) {
      const health = await gate.step(startHealthServer(client, services, { metrics }));
      background.add('health-server', () => health.close());
    }
    if (tasks !== undefined) {
      const running = await gate.step(startTasks(tasks, { client, cogs, logger: services.logger.child({ component: 'tasks' }) }));
      background.add('tasks', () => running.close());
    }
    await gate.step(runPluginReady({ plugins: services.plugins, services, logger }));
  } catch (error) {
    if (error === STARTUP_INTERRUPTED || stopping) {
      // Only a signal stops the bot before createBot returns; its handler exits the process once stopped.
      await close();
      return new Promise<never>(() => {});
    }
    await close().catch(() => {});
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
    close,
  };
}

function onceAsync(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
