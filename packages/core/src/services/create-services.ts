import { join } from 'node:path';
import type { Logger } from 'pino';
import type { BaselineConfig } from '../config/baseline-config.js';
import { loadConfig } from '../config/load-config.js';
import { createDatabase, type Database } from '../database/create-database.js';
import { migrateBaseline } from '../database/migrations/baseline-migrations.js';
import { runMigrations } from '../database/migrations/run-migrations.js';
import { createPostgresSettingsStore } from '../database/settings-store.js';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../embedded/start-embedded-postgres.js';
import { ConfigError } from '../config/config-error.js';
import { createServicesTranslator } from '../i18n/create-services-translator.js';
import { createKeyValue } from '../kv/create-key-value.js';
import { createLoggerFromConfig } from '../logger/create-logger-from-config.js';
import { discoverPlugins } from '../plugins/discover-plugins.js';
import { loadPlugins } from '../plugins/load-plugins.js';
import type { LoadedPlugin, PluginFailure } from '../plugins/loaded-plugin.js';
import { PluginError, PLUGIN_ERROR_CODES } from '../plugins/plugin-error.js';
import { recordFailure } from '../plugins/record-failure.js';
import { runPluginSetup } from '../plugins/run-plugin-hooks.js';
import { createSettingsRegistry, type SettingsRegistry } from '../settings/create-settings-registry.js';
import { createToggleRegistry } from '../toggles/create-toggle-registry.js';
import { BASELINE_VERSION } from '../version.js';
import type { BaselineCoreServices, BaselineServiceExtensions, BaselineServices } from './baseline-services.js';

/** Options of {@link createServices}. */
export interface CreateServicesOptions {
  /**
   * What the process runs as: the `service` field of every log line.
   * @default 'baseline'
   */
  service?: string;
  /**
   * The bot app's directory: `.env` files, the `package.json` whose dependencies are searched for plugins, and
   * `.baseline/` (embedded PostgreSQL data).
   * @default process.cwd()
   */
  appDir?: string;
  /** A configuration already loaded; otherwise `loadConfig({ cwd: appDir })`. */
  config?: BaselineConfig;
  /** A root logger; otherwise one from the configuration. */
  logger?: Logger;
  /**
   * Search the app's `package.json` dependencies for plugins.
   * @default true
   */
  discover?: boolean;
  /** Plugins the app imports itself (each from `definePlugin`), validated with the discovered ones. */
  plugins?: readonly unknown[];
  /**
   * Prefix of every key and pub/sub channel in the key-value store.
   * @default 'baseline:'
   */
  kvPrefix?: string;
  /**
   * Services added before plugins' `setup` hooks run, e.g. `{ llm }` from `@baseline/llm`. Each function gets
   * the container built so far and may register closers with `onClose`.
   */
  extensions?: ReadonlyArray<(services: BaselineCoreServices) => Partial<BaselineServiceExtensions> | Promise<Partial<BaselineServiceExtensions>>>;
}

/**
 * Builds the services container: configuration, logger, database (migrated), key-value store, settings
 * registry and plugins (discovered, migrated in their own tables, settings registered, `setup` run). A plugin
 * that fails at any step is reported with a coded error and skipped; the others load.
 *
 * Without `DATABASE_URL` an embedded PostgreSQL starts under `<appDir>/.baseline/postgres` (refused when
 * `NODE_ENV=production`); without `REDIS_URL` the key-value store lives in memory.
 *
 * @example
 * ```ts
 * const services = await createServices({ service: 'bot' });
 * const { greeting } = await services.settings.get(guildId, 'welcome');
 * await services.close();
 * ```
 */
export async function createServices(options: CreateServicesOptions = {}): Promise<BaselineServices> {
  const appDir = options.appDir ?? process.cwd();
  const service = options.service ?? 'baseline';
  const config = options.config ?? loadConfig({ cwd: appDir });
  const logger = options.logger ?? createLoggerFromConfig(config, { service });
  const closers: Array<() => void | Promise<void>> = [];

  const explicit = options.plugins ?? [];
  const discovered =
    options.discover === false
      ? loadPlugins({ plugins: explicit, logger })
      : await discoverPlugins({ appDir, baselineVersion: BASELINE_VERSION, logger, plugins: explicit });
  const failures: PluginFailure[] = [...discovered.failures];

  let embeddedDatabase: EmbeddedPostgresServer | undefined;
  let databaseUrl = config.database.url;
  if (databaseUrl === undefined) {
    if (config.isProduction) {
      throw new ConfigError([
        {
          variable: 'DATABASE_URL',
          expected: 'a PostgreSQL URL when NODE_ENV=production (the embedded PostgreSQL is for development only)',
          received: 'nothing',
          fix: 'set DATABASE_URL=postgres://user:password@host:5432/dbname',
        },
      ]);
    }
    embeddedDatabase = await startEmbeddedPostgres({ dataDir: join(appDir, '.baseline', 'postgres'), logger });
    databaseUrl = embeddedDatabase.url;
  }

  let db: Database | undefined;
  try {
    const entities = discovered.plugins.flatMap((loaded) => loaded.plugin.entities ?? []);
    // createDatabase, createKeyValue and createSettingsRegistry each give themselves their own `component` child.
    db = await createDatabase({ url: databaseUrl, logger, entities });
    await migrateBaseline(db);
    const kv = createKeyValue({ redisUrl: config.redis.url, logger, ...(options.kvPrefix === undefined ? {} : { prefix: options.kvPrefix }) });
    closers.push(() => kv.close());
    const settings = await createSettingsRegistry({ store: createPostgresSettingsStore(db), kv, logger });
    const i18n = createServicesTranslator(discovered.plugins, { settings, logger });

    const prepared = await preparePlugins(discovered.plugins, { db, settings, logger, failures });
    const toggles = await createToggleRegistry({ db, kv, logger, defaults: new Map(prepared.map((loaded) => [loaded.id, loaded.plugin.toggles ?? {}])) });
    closers.push(() => toggles.close());
    const core: BaselineCoreServices = {
      service,
      config,
      logger,
      db,
      kv,
      settings,
      i18n,
      toggles,
      plugins: prepared,
      pluginFailures: failures,
      embeddedDatabase,
      onClose: (closer) => void closers.push(closer),
      close: once(async () => {
        for (const closer of closers.reverse()) {
          await Promise.resolve(closer()).catch((error: unknown) => logger.error({ err: error }, 'closing a service failed'));
        }
        await db?.close();
        await embeddedDatabase?.close();
      }),
    };
    let services: BaselineServices = core;
    for (const extend of options.extensions ?? []) services = { ...services, ...(await extend(services)) };

    const setup = await runPluginSetup({ plugins: prepared, services, logger });
    failures.push(...setup.failures);
    services = { ...services, plugins: setup.plugins };
    for (const failure of failures) {
      logger.warn({ code: failure.error.code, plugin: failure.pluginId, package: failure.packageName }, 'plugin skipped');
    }
    logger.info(
      {
        plugins: setup.plugins.map((loaded) => loaded.id),
        skipped: failures.length,
        embedded_database: embeddedDatabase !== undefined,
        redis: config.redis.url !== undefined,
      },
      'services ready',
    );
    return services;
  } catch (error) {
    for (const closer of closers.reverse()) await Promise.resolve(closer()).catch(() => {});
    await db?.close().catch(() => {});
    await embeddedDatabase?.close().catch(() => {});
    throw error;
  }
}

/** Runs each plugin's migrations in its own table and registers its settings; a plugin failing either is skipped. */
async function preparePlugins(
  plugins: readonly LoadedPlugin[],
  { db, settings, logger, failures }: { db: Database; settings: SettingsRegistry; logger: Logger; failures: PluginFailure[] },
): Promise<LoadedPlugin[]> {
  const ready: LoadedPlugin[] = [];
  const skipped = new Set<string>();
  for (const loaded of plugins) {
    const identity = { packageName: loaded.packageName, pluginId: loaded.id };
    const missing = (loaded.plugin.dependencies ?? []).find((dependency) => skipped.has(dependency));
    if (missing !== undefined) {
      skipped.add(loaded.id);
      recordFailure(
        failures,
        logger,
        new PluginError(PLUGIN_ERROR_CODES.dependencyFailed, `requires plugin "${missing}", which was skipped`, {
          plugin: identity,
          details: { dependency: missing },
        }),
      );
      continue;
    }
    try {
      if (loaded.plugin.migrations?.length) {
        await runMigrations(db, { tableName: loaded.migrationsTable, migrations: loaded.plugin.migrations });
      }
    } catch (error) {
      skipped.add(loaded.id);
      recordFailure(
        failures,
        logger,
        new PluginError(PLUGIN_ERROR_CODES.migrationFailed, `its migrations failed: ${error instanceof Error ? error.message : String(error)}`, {
          plugin: identity,
          cause: error,
        }),
      );
      continue;
    }
    try {
      if (loaded.plugin.settings !== undefined) settings.register(loaded.settingsNamespace, loaded.plugin.settings);
    } catch (error) {
      skipped.add(loaded.id);
      recordFailure(
        failures,
        logger,
        new PluginError(PLUGIN_ERROR_CODES.settingsInvalid, `its settings cannot be registered: ${error instanceof Error ? error.message : String(error)}`, {
          plugin: identity,
          cause: error,
        }),
      );
      continue;
    }
    ready.push(loaded);
  }
  return ready;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
