import type { Logger } from 'pino';
import type { BaselineConfig } from '../config/baseline-config.js';
import type { Database } from '../database/create-database.js';
import type { EmbeddedPostgresServer } from '../embedded/start-embedded-postgres.js';
import type { KeyValueStore } from '../kv/key-value-store.js';
import type { LoadedPlugin, PluginFailure } from '../plugins/loaded-plugin.js';
import type { Translator } from '../i18n/create-translator.js';
import type { SettingsRegistry } from '../settings/create-settings-registry.js';
import type { ToggleRegistry } from '../toggles/create-toggle-registry.js';

/**
 * Services that other baseline packages add to the container, by declaration merging. `@baseline/llm` adds
 * `llm`; an app may add its own.
 *
 * @example
 * ```ts
 * declare module '@baseline/core' {
 *   interface BaselineServiceExtensions {
 *     llm: LlmService;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface BaselineServiceExtensions {}

/**
 * The services container: built once per process by `createServices` and handed to cogs, routes and plugin
 * hooks. Everything in it is shared by the whole process; nothing in it is per guild or per request.
 */
export type BaselineServices = BaselineCoreServices & Partial<BaselineServiceExtensions>;

/** The part of the container `@baseline/core` itself provides. */
export interface BaselineCoreServices {
  /** What the process runs as, e.g. `bot`, `api`, `dev`; the `service` field of every log line. */
  readonly service: string;
  readonly config: BaselineConfig;
  /** The process's root logger. Plugins get their own child in their hook context. */
  readonly logger: Logger;
  /** PostgreSQL through MikroORM, with baseline's and the plugins' entities. */
  readonly db: Database;
  /** Redis, or the in-memory store in single-process development. */
  readonly kv: KeyValueStore;
  /** Per-guild settings of every plugin namespace. */
  readonly settings: SettingsRegistry;
  /** Translations of baseline (`baseline` namespace) and of every plugin (namespace = plugin id). */
  readonly i18n: Translator;
  /** Per-guild enable/disable switches of plugins and their commands. */
  readonly toggles: ToggleRegistry;
  /** Plugins whose discovery, migrations, settings and `setup` succeeded, in dependency order. */
  readonly plugins: readonly LoadedPlugin[];
  /** Plugins that were skipped, with their coded errors. */
  readonly pluginFailures: readonly PluginFailure[];
  /** The embedded PostgreSQL when no `DATABASE_URL` was configured. */
  readonly embeddedDatabase: EmbeddedPostgresServer | undefined;
  /**
   * Registers a function run by {@link BaselineCoreServices.close}, before the key-value store and the database
   * close. Closers run in reverse registration order.
   */
  onClose(closer: () => void | Promise<void>): void;
  /** Runs the registered closers, then closes the key-value store, the database and the embedded server. */
  close(): Promise<void>;
}

declare module '../plugins/plugin-register.js' {
  interface PluginRegister {
    services: BaselineServices;
  }
}
