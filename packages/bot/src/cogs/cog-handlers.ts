import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ClientEvents,
  ContextMenuCommandBuilder,
  ContextMenuCommandInteraction,
  ModalSubmitInteraction,
  PermissionResolvable,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from '@baseline/core';

/** What every handler receives besides the Discord object: who is running and how to trace it. */
export interface HandlerContext {
  /** The id in every log line of this interaction or event, shown to users in error replies. */
  readonly correlationId: string;
  /** The cog's logger; inside a handler every line also carries guild, user and correlation ids. */
  readonly logger: Logger;
}

/** A check run before a command; `true` passes, `false` or a string denies (the string is shown to the user). */
export type CommandCheck<I> = (interaction: I) => boolean | string | Promise<boolean | string>;

/**
 * Who shares a cooldown: `user` (per user everywhere), `guild` (everyone in a guild), `channel`, or
 * `member` (per user per guild).
 */
export type CooldownScope = 'user' | 'guild' | 'channel' | 'member';

/** A cooldown kept in the key-value store, so it holds across processes and shards. */
export interface CooldownOptions {
  /** Length of the cooldown in seconds. */
  seconds: number;
  /** @default 'user' */
  scope?: CooldownScope;
}

/** Preconditions shared by slash and context-menu commands. */
export interface CommandPreconditions<I> {
  /** Refuse the command outside guilds (DMs). @default false */
  guildOnly?: boolean;
  /** Permissions the invoking member needs in the channel. */
  userPermissions?: PermissionResolvable;
  /** Permissions the bot needs in the channel. */
  botPermissions?: PermissionResolvable;
  /** Custom checks, run in order after the built-in ones. */
  checks?: readonly CommandCheck<I>[];
  cooldown?: CooldownOptions;
}

/** Something with a `toJSON()` giving the command body: discord.js' `SlashCommandBuilder` and friends. */
export interface JsonSource<T> {
  toJSON(): T;
}

/** A chat-input (slash) command of a cog. */
export interface SlashCommandDefinition extends CommandPreconditions<ChatInputCommandInteraction> {
  readonly kind: 'slash';
  /** The command body: a discord.js `SlashCommandBuilder` or its JSON. */
  data: JsonSource<RESTPostAPIChatInputApplicationCommandsJSONBody> | RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Runs the command (unless a subcommand handler matched). */
  run?: (interaction: ChatInputCommandInteraction, context: HandlerContext) => unknown;
  /**
   * Handlers per subcommand, keyed `sub` or `group sub`; tried before `run`.
   * @example { 'add': addTag, 'admin purge': purgeTags }
   */
  subcommands?: Readonly<Record<string, (interaction: ChatInputCommandInteraction, context: HandlerContext) => unknown>>;
  /** Answers autocomplete for any option declared with `autocomplete: true`. */
  autocomplete?: (interaction: AutocompleteInteraction, context: HandlerContext) => unknown;
}

/** A user or message context-menu command of a cog. */
export interface ContextMenuDefinition extends CommandPreconditions<ContextMenuCommandInteraction> {
  readonly kind: 'context-menu';
  data: ContextMenuCommandBuilder | RESTPostAPIContextMenuApplicationCommandsJSONBody;
  run: (interaction: ContextMenuCommandInteraction, context: HandlerContext) => unknown;
}

export type CommandDefinition = SlashCommandDefinition | ContextMenuDefinition;

/** A discord.js client event handled by a cog. */
export interface ListenerDefinition<Event extends keyof ClientEvents = keyof ClientEvents> {
  readonly kind: 'listener';
  event: Event;
  /** Run only for the first occurrence. @default false */
  once?: boolean;
  run: (...args: [...ClientEvents[Event], HandlerContext]) => unknown;
}

/** Which component interactions a component handler receives. */
export type ComponentType = 'button' | 'select' | 'any';

/** Arguments a component or modal handler receives besides the interaction. */
export interface RoutedContext extends HandlerContext {
  /** The custom id's segments after the prefix: `vote:42:yes` routed on `vote` gives `['42', 'yes']`. */
  readonly args: readonly string[];
}

/**
 * Handles buttons and select menus whose custom id is `prefix` or starts with `prefix:`. Prefixes are
 * global to the bot: give them a plugin-specific start (`greeter-wave`).
 */
export interface ComponentDefinition {
  readonly kind: 'component';
  customId: string;
  /** @default 'any' */
  type?: ComponentType;
  run: (interaction: ButtonInteraction | AnySelectMenuInteraction, context: RoutedContext) => unknown;
}

/** Handles modal submissions whose custom id is `prefix` or starts with `prefix:`. */
export interface ModalDefinition {
  readonly kind: 'modal';
  customId: string;
  run: (interaction: ModalSubmitInteraction, context: RoutedContext) => unknown;
}
