import type { BaselineServices, CreateServicesOptions } from '@baseline/core';
import type { SapphireClient } from '@sapphire/framework';
import type { ClientOptions, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { BotCacheOptions } from '../cache/create-cache-options.js';
import type { CogClass } from '../cogs/cog.js';
import type { CogManager } from '../cogs/cog-manager.js';
import type { CommandSyncResult } from '../commands/sync-commands.js';
import type { BotMessages } from './handler-runner.js';
import type { ShardReporterOptions } from '../shards/start-shard-reporter.js';

/** How the bot syncs its commands with Discord at startup. */
export interface CommandSyncSettings {
  /** Register in these guilds instead of globally (development). */
  guildIds?: readonly string[];
  /** Log the plan without writing. @default false */
  dryRun?: boolean;
  /** Creations allowed per scope per UTC day. @default 200 */
  dailyCreateLimit?: number;
  /** Read the live registry even when this deployment's last sync had the same commands. @default false */
  force?: boolean;
  /**
   * How long a finished sync marks the deployment in sync, so later processes with the same commands skip the
   * sync entirely; `0` always reads the registry. @default 3_600_000
   */
  syncMarkerTtlMs?: number;
}

/** Options of `createBot`. Everything of `createServices` is accepted and forwarded when `services` is absent. */
export interface CreateBotOptions extends Omit<CreateServicesOptions, 'service'> {
  /** A services container built already; the bot then does not close it on `close()` unless `closeServices`. */
  services?: BaselineServices;
  /** Close the services container on `close()`. @default true when the bot built it, else false */
  closeServices?: boolean;
  /** Cogs of the app itself, loaded after the plugins' cogs. */
  cogs?: readonly CogClass[];
  /** Load the built-in `/status` command. @default true */
  statusCommand?: boolean;
  /** Load the built-in `/privacy delete-my-data` command (a user erases their own data, after a confirmation). @default true */
  privacyCommand?: boolean;
  /** Load the built-in `/settings` command (registered only when some plugin has settings). @default true */
  settingsCommand?: boolean;
  /** Command sync at startup; `false` skips it (run it with `bot.commands.sync()`). @default {} */
  commandSync?: CommandSyncSettings | false;
  /** The bot token. @default config.discord.botToken */
  token?: string;
  /** discord.js client options merged over baseline's (intents, cache, REST URL). */
  clientOptions?: Partial<ClientOptions>;
  /** Cache limits and sweepers over baseline's defaults; `false` keeps discord.js' defaults. @default {} */
  cache?: BotCacheOptions | false;
  /**
   * Stop gracefully on SIGTERM and SIGINT, then exit (0 when stopped in time, 1 otherwise; a second signal exits
   * at once). Installed before startup work, so a signal during startup stops the bot once the current step
   * ends. Tests turn it off. @default true
   */
  handleSignals?: boolean;
  /** How long shutdown waits for interactions in flight, in milliseconds. @default 10_000 */
  shutdownTimeoutMs?: number;
  /**
   * Fixed texts for errors, shutdown and denials, used as given in every language; left out, baseline's translated
   * strings (namespace `baseline`) are used in the interaction's locale.
   */
  messages?: Partial<BotMessages>;
  /** Keep the `guilds` table in step with Discord. @default true */
  guildTracking?: boolean;
  /** Serve `/health` on `HEALTH_HOST:HEALTH_PORT`. @default true */
  healthServer?: boolean;
  /**
   * Prometheus metrics on the health server's `/metrics` (see docs/deploying.md for the names).
   * @default config.metrics.enabled (METRICS_ENABLED; on unless NODE_ENV=production)
   */
  metrics?: boolean;
  /**
   * Run the cogs' scheduled tasks (BullMQ on Redis; in this process without Redis).
   * @default true
   */
  tasks?: boolean;
  /**
   * Report shard status to the key-value store; an object sets how often and for how long each record lives
   * (a shard that stops writing reads as stale after `ttlMs`).
   * @default true (every 10 s, records expire after 30 s)
   */
  shardStatus?: boolean | ShardReporterOptions;
}

/** A running bot. */
export interface Bot {
  /** The Sapphire (discord.js) client, logged in. */
  readonly client: SapphireClient<true>;
  readonly services: BaselineServices;
  /** Loaded cogs; unload and reload them at runtime. */
  readonly cogs: CogManager;
  readonly commands: {
    /** The command bodies of every loaded cog. */
    desired(): RESTPostAPIApplicationCommandsJSONBody[];
    /** Syncs Discord's registry with the loaded cogs (see `syncCommands`). */
    sync(settings?: CommandSyncSettings): Promise<CommandSyncResult>;
    /** The result of the startup sync, if it ran. */
    readonly lastSync: CommandSyncResult | undefined;
  };
  /** Handlers running now. */
  readonly inFlight: number;
  /** Whether shutdown has begun (new interactions are answered "restarting"). */
  readonly stopping: boolean;
  /**
   * Stops gracefully: refuses new interactions, waits for those in flight (bounded), stops background
   * tasks, unloads cogs, runs plugins' `shutdown` hooks, disconnects, closes the services. Idempotent.
   */
  close(): Promise<void>;
}
