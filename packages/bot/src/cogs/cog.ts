import type { BaselineServices, InferSettings, Logger, SettingsDefinition } from '@baseline/core';
import type { Client } from 'discord.js';
import { createCogSettings, type CogSettings } from '../settings/create-cog-settings.js';
import type { CommandDefinition, ComponentDefinition, ListenerDefinition, ModalDefinition } from './cog-handlers.js';

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
  readonly logger: Logger;
}

/** @internal Where the bot stores a cog's {@link CogBinding}. */
export const COG_BINDING = Symbol.for('baseline.cog-binding');

/**
 * The base of every cog: a class the bot constructs with the client and the services container. Declare
 * handlers as instance fields (they may use `this`); the bot maps them onto Sapphire pieces.
 *
 * @typeParam Settings - the plugin's `defineSettings(...)` result, typing `this.settings`.
 * @example
 * ```ts
 * class Greeter extends Cog<typeof greeterSettings> {
 *   static override meta = { name: 'greeter' };
 *   override commands = [
 *     slashCommand({
 *       data: new SlashCommandBuilder().setName('greet').setDescription('Say hello'),
 *       run: async (interaction) => {
 *         const { greeting } = await this.settings.get(interaction.guildId!);
 *         await interaction.reply(greeting);
 *       },
 *     }),
 *   ];
 * }
 * ```
 */
export abstract class Cog<Settings extends SettingsDefinition | undefined = undefined> {
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

  /** Runs after the cog's handlers are registered. A throw unloads the cog and is reported. */
  onLoad?(): void | Promise<void>;
  /** Runs when the cog is unloaded or the bot stops. */
  onUnload?(): void | Promise<void>;
}

/** A cog class, as listed in a plugin's `cogs`. */
export interface CogClass {
  new (client: Client, services: BaselineServices): Cog<SettingsDefinition | undefined>;
  readonly meta: CogMeta;
}
