import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import { messagePayload } from '../state/payloads.js';
import { requireCommandPermitted } from './command-permissions.js';
import { buildCommandOptions, resolveValue, type OptionValue } from './interaction-payload.js';
import { createInteractionHandle, type InteractionHandle } from './interaction-handle.js';

/** Where and by whom an interaction is triggered. `guildId` omitted = in the user's DM with the bot. */
export interface InteractionContextInput {
  guildId?: string;
  /** Channel id (or name inside the guild). For DMs it may be omitted. */
  channelId?: string;
  /** User id or username. */
  userId: string;
  /** @default the user's locale */
  locale?: string;
}

/** A chat-input (slash) command invocation. */
export interface SlashCommandInput extends InteractionContextInput {
  name: string;
  /** Option values by name; types come from the registered command (USER/CHANNEL/ROLE values are ids). */
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
}

/** An autocomplete request: like a slash command, with the option being typed. */
export interface AutocompleteInput extends SlashCommandInput {
  focused: string;
}

/** A user or message context-menu command. */
export interface ContextMenuInput extends InteractionContextInput {
  name: string;
  type: 'user' | 'message';
  /** The user id (type user) or message id (type message) acted on. */
  targetId: string;
}

/** A modal submission; `fields` maps text-input custom ids to values. */
export interface ModalSubmitInput extends InteractionContextInput {
  customId: string;
  fields: Record<string, string>;
}

/** Builds and sends interactions of every type. */
export class InteractionDriver {
  constructor(private readonly core: EmulatorCore) {}

  #channel(input: InteractionContextInput): string {
    if (!input.guildId) return input.channelId ?? '';
    const guild = this.core.guilds.guild(input.guildId);
    return this.core.guilds.channel(guild, input.channelId ?? guild.channels.keys().next().value ?? '').id;
  }

  #command(input: InteractionContextInput & { name: string }, type: number) {
    const command = this.core.commands.findByName(input.guildId ?? null, input.name, type);
    if (!command) {
      throw new DiscordEmulatorError(
        EMULATOR_ERROR_CODES.unknownCommand,
        `no command "${input.name}" (type ${type}) is registered for ${input.guildId ?? 'DMs'}`,
      );
    }
    if (input.guildId) requireCommandPermitted(this.core, command, input.guildId, this.core.guilds.user(input.userId).id, this.#channel(input));
    return command;
  }

  #create(input: InteractionContextInput, type: number, data: Record<string, unknown>, sourceMessageId?: string): InteractionHandle {
    const user = this.core.guilds.user(input.userId);
    const source = sourceMessageId ? this.core.ctx.state.messages.get(sourceMessageId) : undefined;
    const record = this.core.interactions.create({
      type,
      guildId: input.guildId ?? null,
      channelId: this.#channel(input),
      userId: user.id,
      data,
      ...(source ? { sourceMessage: source } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    });
    return createInteractionHandle(this.core.interactions, record);
  }

  slashCommand(input: SlashCommandInput, focused?: string): InteractionHandle {
    const command = this.#command(input, 1);
    const guild = input.guildId ? this.core.guilds.guild(input.guildId) : null;
    const { options, resolved } = buildCommandOptions(this.core.ctx, guild, command, { ...input, ...(focused ? { focused } : {}) });
    const data: Record<string, unknown> = { id: command.id, name: command.body.name, type: 1, options };
    if (command.guildId) data['guild_id'] = command.guildId;
    if (resolved) data['resolved'] = resolved;
    return this.#create(input, focused ? 4 : 2, data);
  }

  contextMenu(input: ContextMenuInput): InteractionHandle {
    const type = input.type === 'user' ? 2 : 3;
    const command = this.#command(input, type);
    const guild = input.guildId ? this.core.guilds.guild(input.guildId) : null;
    const resolved: Record<string, Record<string, unknown>> = {};
    if (type === 2) resolveValue(this.core.ctx, guild, 6, input.targetId, resolved);
    else {
      const message = this.core.ctx.state.messages.get(input.targetId);
      if (!message) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownMessage, `no message ${input.targetId}`);
      resolved['messages'] = { [message.id]: messagePayload(this.core.ctx.state, message) };
    }
    const data: Record<string, unknown> = { id: command.id, name: command.body.name, type, target_id: input.targetId, resolved };
    if (command.guildId) data['guild_id'] = command.guildId;
    return this.#create(input, 2, data);
  }

  /** Clicks a button (or picks select-menu `values`) on a message; guild and channel come from the message. */
  component(messageId: string, customId: string, userId: string, values?: string[]): InteractionHandle {
    const message = this.core.ctx.state.messages.get(messageId);
    if (!message) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownMessage, `no message ${messageId}`);
    const data: Record<string, unknown> = { custom_id: customId, component_type: values ? 3 : 2 };
    if (values) data['values'] = values;
    const context: InteractionContextInput = { channelId: message.channelId, userId };
    if (message.guildId) context.guildId = message.guildId;
    return this.#create(context, 3, data, messageId);
  }

  modalSubmit(input: ModalSubmitInput): InteractionHandle {
    const components = Object.entries(input.fields).map(([customId, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: customId, value }],
    }));
    return this.#create(input, 5, { custom_id: input.customId, components });
  }
}
