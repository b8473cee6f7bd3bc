import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  CacheType,
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

/**
 * A handler type that stays bivariant in its parameters (the method-shorthand rule of TypeScript), so a guild-only
 * command, whose handlers take a narrower interaction, still fits the lists a cog declares (`commands`).
 */
type Handler<Args extends unknown[], Result = unknown> = { handle(...args: Args): Result }['handle'];

/** A check run before a command; `true` passes, `false` or a string denies (the string is shown to the user). */
export type CommandCheck<I> = Handler<[interaction: I], boolean | string | Promise<boolean | string>>;

/**
 * Who shares a cooldown: `user` (per user everywhere), `guild` (everyone in a guild), `channel`, or
 * `member` (per user per guild).
 */
export type CooldownScope = 'user' | 'guild' | 'channel' | 'member';

/** A cooldown kept in the key-value store, so it holds across processes and shards. */
export interface CooldownOptions {
  /** Length of the cooldown in milliseconds. */
  durationMs: number;
  /** @default 'user' */
  scope?: CooldownScope;
}

/**
 * The interaction cache state a command's handlers see: in a guild (so `guildId` is a string) when the command is
 * `guildOnly`, anywhere otherwise.
 */
export type CommandCache<GuildOnly extends boolean> = GuildOnly extends true ? 'cached' | 'raw' : CacheType;

/** Preconditions shared by slash and context-menu commands. */
export interface CommandPreconditions<I, GuildOnly extends boolean = boolean> {
  /** Refuse the command outside guilds (DMs); its handlers then get a non-optional `interaction.guildId`. @default false */
  guildOnly?: GuildOnly;
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

/**
 * A chat-input (slash) command of a cog.
 * @typeParam GuildOnly - `true` when declared `guildOnly: true`: the handlers' interactions are then in a guild.
 */
export interface SlashCommandDefinition<GuildOnly extends boolean = boolean> extends CommandPreconditions<
  ChatInputCommandInteraction<CommandCache<GuildOnly>>,
  GuildOnly
> {
  readonly kind: 'slash';
  /** The command body: a discord.js `SlashCommandBuilder` or its JSON. */
  data: JsonSource<RESTPostAPIChatInputApplicationCommandsJSONBody> | RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Runs the command (unless a subcommand handler matched). */
  run?: Handler<[interaction: ChatInputCommandInteraction<CommandCache<GuildOnly>>, context: HandlerContext]>;
  /**
   * Handlers per subcommand, keyed `sub` or `group sub`; tried before `run`.
   * @example { 'add': addTag, 'admin purge': purgeTags }
   */
  subcommands?: Readonly<Record<string, Handler<[interaction: ChatInputCommandInteraction<CommandCache<GuildOnly>>, context: HandlerContext]>>>;
  /** Answers autocomplete for any option declared with `autocomplete: true`. */
  autocomplete?: Handler<[interaction: AutocompleteInteraction<CommandCache<GuildOnly>>, context: HandlerContext]>;
}

/**
 * A user or message context-menu command of a cog.
 * @typeParam GuildOnly - `true` when declared `guildOnly: true`: the handler's interaction is then in a guild.
 */
export interface ContextMenuDefinition<GuildOnly extends boolean = boolean> extends CommandPreconditions<
  ContextMenuCommandInteraction<CommandCache<GuildOnly>>,
  GuildOnly
> {
  readonly kind: 'context-menu';
  data: ContextMenuCommandBuilder | RESTPostAPIContextMenuApplicationCommandsJSONBody;
  run: Handler<[interaction: ContextMenuCommandInteraction<CommandCache<GuildOnly>>, context: HandlerContext]>;
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
