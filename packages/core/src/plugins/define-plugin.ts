import type { Logger } from 'pino';
import type { DatabaseEntity } from '../database/create-database.js';
import type { MigrationEntry } from '../database/migrations/run-migrations.js';
import type { TranslationResources } from '../i18n/create-translator.js';
import type { UserDataDeletion, UserDataScope } from '../privacy/user-data.js';
import type { SettingsDefinition } from '../settings/define-settings.js';
import type { StorageDefinition } from '../storage/define-storage.js';
import type { ToggleDefaults } from '../toggles/toggle-defaults.js';
import type { PluginCog, PluginRouteHost, PluginServices } from './plugin-register.js';

/**
 * Brands what {@link definePlugin} returns. `Symbol.for` keeps the brand recognisable when a plugin resolves
 * its own copy of `@baseline/core`; the value is the version of the plugin contract.
 */
export const PLUGIN_BRAND = Symbol.for('baseline.plugin');
/** The plugin contract version this package produces and accepts. */
export const PLUGIN_CONTRACT_VERSION = 1;

/** What every lifecycle hook receives. */
export interface PluginContext {
  /** The plugin's id. */
  readonly pluginId: string;
  /** The plugin's own logger (`plugin: <id>` on every line). */
  readonly logger: Logger;
  /** The plugin's settings namespace (its id). */
  readonly settingsNamespace: string;
  /** The services container: database, key-value store, config, settings, LLM, … */
  readonly services: PluginServices;
}

/**
 * The lifecycle hooks: a closed set, run by the host in this order.
 *
 * 1. `setup` – once per process, after the services exist (database migrated including this plugin's
 *    migrations, key-value store connected, settings registered) and before cogs are loaded or routes
 *    registered. Runs in dependency order: a plugin's dependencies have finished `setup` first. A throw skips
 *    the plugin and every plugin that requires it; the process keeps running.
 * 2. `ready` – once per process, after the host is up (the bot is logged in, the API listens). Dependency
 *    order. A throw is logged; the plugin stays loaded.
 * 3. `shutdown` – on graceful shutdown, in reverse dependency order (dependents first), before the services
 *    close. Only plugins whose `setup` succeeded. A throw is logged and the next plugin still shuts down.
 *
 * Hooks run one after another, never concurrently.
 */
export interface PluginHooks {
  setup?(context: PluginContext): void | Promise<void>;
  ready?(context: PluginContext): void | Promise<void>;
  shutdown?(context: PluginContext): void | Promise<void>;
}

/** The names of the lifecycle hooks, in the order they run. */
export const PLUGIN_HOOKS = ['setup', 'ready', 'shutdown'] as const;
export type PluginHookName = (typeof PLUGIN_HOOKS)[number];

/** What a plugin declares: `definePlugin({...})`'s argument. */
export interface PluginDefinition<Settings extends SettingsDefinition | undefined = SettingsDefinition | undefined> extends PluginHooks {
  /**
   * Stable identifier: lowercase kebab case, at most 45 characters (it names the plugin's database table).
   * Never change it after release: settings, migrations and routes are keyed by it.
   */
  id: string;
  /** Human-readable name, shown in the dashboard. */
  name: string;
  /** The plugin's own version (semver), usually its package version. */
  version: string;
  /** Short description for the dashboard. */
  description?: string;
  /** Cog classes the bot instantiates with the services container. */
  cogs?: readonly PluginCog[];
  /** Per-guild settings from `defineSettings`, registered under the plugin's id. */
  settings?: Settings;
  /**
   * Per-guild key-value storage from `defineStorage`: small state without a migration, read in cogs as
   * `this.storage.guild(guildId)`.
   */
  storage?: StorageDefinition;
  /**
   * Per-guild toggle defaults: whether the plugin, and each of its commands, is enabled in a guild until the
   * guild changes it on the dashboard. Everything is enabled by default.
   */
  toggles?: ToggleDefaults;
  /** MikroORM entities the plugin owns. */
  entities?: readonly DatabaseEntity[];
  /** MikroORM migrations, tracked in the plugin's own table (`plugin_<id>_migrations`). */
  migrations?: readonly MigrationEntry[];
  /** Registers API routes; the API mounts them under `/api/v1/plugins/<id>`. */
  routes?: (host: PluginRouteHost, context: PluginContext) => void | Promise<void>;
  /** Gateway intents the plugin needs, as discord.js `GatewayIntentBits` names (`'GuildMessages'`) or bits. */
  intents?: readonly (string | number)[];
  /** Bot permissions the plugin needs, as discord.js `PermissionFlagsBits` names (`'BanMembers'`) or bits. */
  permissions?: readonly (string | bigint)[];
  /**
   * The plugin's strings by language, registered as the i18next namespace named after the plugin id. Cogs read
   * them with `this.t('key')`; `commands.<name>.name` and `.description` (and `.options.<option>.…`) become the
   * Discord localizations of the plugin's commands. English is the fallback of every other language.
   * @example { en: enJson, fr: frJson } // import enJson from './locales/en.json' with { type: 'json' }
   */
  locales?: TranslationResources;
  /**
   * Erases (or anonymises) everything the plugin stores about one Discord user, in every guild. Called by
   * `eraseUserData` (the API, the CLI and `/privacy delete-my-data`) after baseline's own tables. Must be
   * idempotent: a second call for the same user erases nothing and reports zeros. A throw is reported as this
   * plugin's failure; the other plugins are still called. Describe what the plugin stores in the manifest's
   * `endUserData` statement. Without this hook `plugins doctor` lists the plugin as not compliant.
   * @param userId - the Discord user id (snowflake string).
   * @param scope - who asked, and the correlation id of the erasure.
   * @param context - the plugin's context (services, logger).
   * @returns counts of what was erased, by kind.
   */
  deleteUserData?(userId: string, scope: UserDataScope, context: PluginContext): UserDataDeletion | Promise<UserDataDeletion>;
  /** Plugin ids that must load first; without them this plugin is skipped. */
  dependencies?: readonly string[];
  /** Plugin ids that load first when installed; this plugin works without them. */
  optionalDependencies?: readonly string[];
}

/** A branded plugin: what a plugin package's runtime entry default-exports. */
export type Plugin<Definition extends PluginDefinition = PluginDefinition> = Readonly<Definition> & {
  readonly [PLUGIN_BRAND]: typeof PLUGIN_CONTRACT_VERSION;
};

/**
 * Declares a plugin. The host validates the declaration when it loads the plugin (ids, versions, dependencies)
 * and reports problems as coded errors; defining one registers nothing by itself.
 *
 * @param definition - id, metadata, contributions and lifecycle hooks; see {@link PluginDefinition}.
 * @example
 * ```ts
 * export default definePlugin({
 *   id: 'welcome',
 *   name: 'Welcome',
 *   version: '1.0.0',
 *   cogs: [WelcomeCog],
 *   settings: welcomeSettings,
 *   intents: ['GuildMembers'],
 *   async setup({ logger }) {
 *     logger.info('welcome plugin ready to greet');
 *   },
 * });
 * ```
 */
export function definePlugin<const Definition extends PluginDefinition>(definition: Definition): Plugin<Definition> {
  return Object.freeze({ ...definition, [PLUGIN_BRAND]: PLUGIN_CONTRACT_VERSION }) as Plugin<Definition>;
}

/** True when `value` came from {@link definePlugin} (of any copy of this package with the same contract). */
export function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === PLUGIN_CONTRACT_VERSION;
}
