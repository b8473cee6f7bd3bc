import type { BaselineServices, SettingsDefinition } from '@baseline/core';
import type { Client } from 'discord.js';
import { Cog, type CogClass, type CogMeta } from './cog.js';
import type { CommandDefinition, ComponentDefinition, ListenerDefinition, ModalDefinition } from './cog-handlers.js';
import type { TaskDefinition } from '../tasks/task-definition.js';

/** What a declarative cog's `handlers` function returns. */
export interface CogHandlers {
  commands?: readonly CommandDefinition[];
  listeners?: readonly ListenerDefinition[];
  components?: readonly ComponentDefinition[];
  modals?: readonly ModalDefinition[];
  tasks?: readonly TaskDefinition[];
}

/** The declarative form of a cog: {@link defineCog}'s argument. */
export interface CogDefinition<Settings extends SettingsDefinition | undefined> extends CogMeta {
  /** Only types `cog.settings`; the plugin registers the settings themselves. */
  settings?: Settings;
  /** Builds the handlers once, when the bot constructs the cog. */
  handlers: (cog: Cog<Settings>) => CogHandlers;
  onLoad?: (cog: Cog<Settings>) => void | Promise<void>;
  onUnload?: (cog: Cog<Settings>) => void | Promise<void>;
}

/**
 * Declares a cog without writing a class; the result is a cog class like any other.
 *
 * @example
 * ```ts
 * export const PingCog = defineCog({
 *   name: 'ping',
 *   handlers: () => ({
 *     commands: [slashCommand({ data: new SlashCommandBuilder().setName('ping').setDescription('Pong?'), run: (i) => i.reply('pong') })],
 *   }),
 * });
 * ```
 */
export function defineCog<Settings extends SettingsDefinition | undefined = undefined>(definition: CogDefinition<Settings>): CogClass {
  const { name, description, handlers, onLoad, onUnload } = definition;
  const DeclaredCog = class extends Cog<Settings> {
    static override meta: CogMeta = description === undefined ? { name } : { name, description };
    constructor(client: Client, services: BaselineServices) {
      super(client, services);
      const built = handlers(this);
      this.commands = built.commands ?? [];
      this.listeners = built.listeners ?? [];
      this.components = built.components ?? [];
      this.modals = built.modals ?? [];
      this.tasks = built.tasks ?? [];
    }
    override onLoad = onLoad && (() => onLoad(this));
    override onUnload = onUnload && (() => onUnload(this));
  };
  Object.defineProperty(DeclaredCog, 'name', { value: `${name}Cog` });
  return DeclaredCog as unknown as CogClass;
}
