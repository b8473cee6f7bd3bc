import { BASELINE_NAMESPACE } from '@baseline/core';
import type {
  BaselineServices,
  InferSettings,
  InferStorage,
  Logger,
  PluginStorage,
  SettingsDefinition,
  StorageDefinition,
  StorageValue,
  TranslationVars,
} from '@baseline/core';
import type { Client } from 'discord.js';
import type { BoundLlm } from '@baseline/llm';
import { cogLlm } from '../llm/cog-llm.js';
import { createCogSettings, type CogSettings } from '../settings/create-cog-settings.js';
import { currentLocale } from '../i18n/interaction-locale.js';
import { createCogStorage } from '../storage/create-cog-storage.js';
import type { CommandDefinition, ComponentDefinition, ListenerDefinition, ModalDefinition } from './cog-handlers.js';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';
import type { ScheduleOptions, TaskDefinition } from '../tasks/task-definition.js';
import type { TaskScheduler } from '../tasks/task-runtime.js';

/** What the bot records about a cog: its name (unique per bot) and an optional description. */
export interface CogMeta {
  /** Lowercase kebab case, unique across every loaded plugin; used by `bot.cogs.unload(name)`. */
  readonly name: string;
  readonly description?: string;
}

/** Where a loaded cog belongs; set by the bot right after construction. */
export interface CogBinding {
  /** The plugin that contributed the cog; `undefined` for cogs the app passes to `createBot` directly. */
  readonly pluginId: string | undefined;
  /** Settings namespace of the plugin. */
  readonly settingsNamespace: string | undefined;
  /** The plugin's storage declaration, if it has one. */
  readonly storage?: StorageDefinition | undefined;
  readonly logger: Logger;
  /** Runs the cog's one-off tasks (`cog.schedule()`); absent when the bot has no task runtime. */
  readonly tasks?: TaskScheduler | undefined;
}

/** @internal Where the bot stores a cog's {@link CogBinding}. */
export const COG_BINDING = Symbol.for('baseline.cog-binding');

/**
 * The base of every cog: a class the bot constructs with the client and the services container. Declare
 * handlers as instance fields (they may use `this`); the bot maps them onto Sapphire pieces.
 *
 * @typeParam Settings - the plugin's `defineSettings(...)` result, typing `this.settings`.
 * @typeParam Storage - the plugin's `defineStorage(...)` result, typing `this.storage`.
 * @example
 * ```ts
 * class Greeter extends Cog<typeof greeterSettings> {
 *   static override meta = { name: 'greeter' };
 *   override commands = [
 *     slashCommand({
 *       data: new SlashCommandBuilder().setName('greet').setDescription('Say hello'),
 *       guildOnly: true,
 *       run: async (interaction) => {
 *         const { greeting } = await this.settings.get(interaction.guildId);
 *         await interaction.reply(greeting);
 *       },
 *     }),
 *   ];
 * }
 * ```
 */
export abstract class Cog<Settings extends SettingsDefinition | undefined = undefined, Storage extends StorageDefinition | undefined = undefined> {
  /** Name and description; every cog class must set it. */
  static meta: CogMeta;

  /** Slash and context-menu commands. */
  commands: readonly CommandDefinition[] = [];
  /** Client event listeners. */
  listeners: readonly ListenerDefinition[] = [];
  /** Button and select-menu handlers, routed by custom id prefix. */
  components: readonly ComponentDefinition[] = [];
  /** Modal submit handlers, routed by custom id prefix. */
  modals: readonly ModalDefinition[] = [];
  /** Scheduled tasks: `cronTask`, `intervalTask` and `oneOffTask` declarations, run once per deployment. */
  tasks: readonly TaskDefinition[] = [];

  declare [COG_BINDING]: CogBinding | undefined;

  constructor(
    readonly client: Client,
    readonly services: BaselineServices,
  ) {}

  /** The cog's name, from its class's `meta`. */
  get name(): string {
    return (this.constructor as CogClass).meta.name;
  }

  /** The plugin that contributed this cog, if any. */
  get pluginId(): string | undefined {
    return this[COG_BINDING]?.pluginId;
  }

  /** A logger tagged with the plugin and the cog. */
  get logger(): Logger {
    return this[COG_BINDING]?.logger ?? this.services.logger.child({ cog: this.name });
  }

  /** The plugin's per-guild settings, typed by its schema: `await this.settings.get(guildId)`. */
  get settings(): CogSettings<Settings extends SettingsDefinition ? InferSettings<Settings> : Record<string, unknown>> {
    return createCogSettings(this.services.settings, this[COG_BINDING]?.settingsNamespace, this.name);
  }

  /**
   * The plugin's per-guild storage, typed by its `defineStorage` declaration: `this.storage.guild(guildId).incr('joins')`.
   * Values persist in PostgreSQL and are cached in the key-value store; no migration needed.
   * @throws BotError `BL_ERR_COG_INVALID` when the cog's plugin declared no `storage`.
   */
  get storage(): CogStorage<Storage> {
    // The binding holds the plugin's declaration with its shape erased; `Storage` names the same declaration (the
    // plugin lists this cog beside its `defineStorage` result), a link the compiler cannot see.
    return createCogStorage(this.services, this[COG_BINDING]?.pluginId, this[COG_BINDING]?.storage, this.name) as unknown as CogStorage<Storage>;
  }

  /**
   * Translates `key` into the language of the interaction being handled: the guild's `baseline.locale` setting,
   * else the guild's preferred locale, else the user's (English outside a handler). Unprefixed keys come from the
   * plugin's own namespace (its `locales`); `baseline:…` reads baseline's. A key missing in that language falls
   * back to English, logged once.
   * @param vars - interpolated as `{{name}}`; `count` picks plural forms.
   * @example
   * ```ts
   * await interaction.reply(this.t('wave.reply', { user: interaction.user.username }));
   * ```
   */
  t(key: string, vars?: TranslationVars): string {
    return this.services.i18n.forLocale(currentLocale(), this[COG_BINDING]?.pluginId ?? BASELINE_NAMESPACE)(key, vars);
  }

  /**
   * `services.llm` bound to this cog and, inside a handler, to the interaction's guild and user: usage rows and
   * budgets are attributed without passing ids, and the guild's `llm` settings (AI on or off, allowed models,
   * default model) apply. `await this.llm.complete({ prompt })`.
   * @throws BotError `BL_ERR_BOT_LLM_MISSING` when no LLM provider is configured.
   */
  get llm(): BoundLlm {
    return cogLlm(this.services, this.name);
  }

  /**
   * Schedules one run of a one-off task declared in `tasks`, `delayMs` from now, with a JSON payload. With Redis the
   * job survives restarts and runs once per deployment; it is dropped when the bot leaves `guildId` or the cog is
   * unloaded.
   * @returns the job id
   * @throws BotError `BL_ERR_TASK_UNKNOWN` when the cog declares no one-off task of that name.
   * @example
   * ```ts
   * // in the handler of a `guildOnly` command:
   * await this.schedule('remind', { delayMs: 60_000, guildId: interaction.guildId, payload: { text: 'stand up' } });
   * ```
   */
  schedule<Payload = unknown>(task: string, options: ScheduleOptions<Payload>): Promise<string> {
    const tasks = this[COG_BINDING]?.tasks;
    if (tasks === undefined)
      return Promise.reject(
        new BotError(BOT_ERROR_CODES.taskUnknown, `cog "${this.name}" is not loaded by a bot with tasks, so "${task}" cannot be scheduled`),
      );
    return tasks.schedule(this.name, task, options);
  }

  /** Runs after the cog's handlers are registered. A throw unloads the cog and is reported. */
  onLoad?(): void | Promise<void>;
  /** Runs when the cog is unloaded or the bot stops. */
  onUnload?(): void | Promise<void>;
}

/**
 * The type of `this.storage` for a cog's `Storage` parameter. `any` (the erased parameter of {@link CogClass}) maps
 * to `any`: `GuildStorage`'s generic methods make storage shapes invariant, so no concrete type accepts them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CogStorage<Storage> = 0 extends 1 & Storage
  ? any
  : PluginStorage<Storage extends StorageDefinition ? InferStorage<Storage> : Record<string, StorageValue>>;

/** A cog class, as listed in a plugin's `cogs`. */
export interface CogClass {
  // A plugin's cogs each type their own storage shape, and `GuildStorage`'s generic methods make shapes invariant;
  // the list of cog classes is the one place that erases it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  new (client: Client, services: BaselineServices): Cog<SettingsDefinition | undefined, any>;
  readonly meta: CogMeta;
}
