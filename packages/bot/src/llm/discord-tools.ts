import { defineTool, type LlmToolDefinition } from '@baseline/llm';
import { ChannelType, PermissionFlagsBits, type Guild, type GuildBasedChannel, type GuildMember } from 'discord.js';
import { z } from 'zod';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';

/** Who the tools act for: an interaction fits (`interaction.guild`, `interaction.user`). */
export interface DiscordToolsScope {
  guild: Guild | null;
  user: { id: string };
}

/** The tools {@link discordTools} can give. */
export type DiscordToolName = 'lookup_member' | 'list_channels' | 'read_channel_messages';

export interface DiscordToolsOptions {
  /** Which tools to give the model. @default all three */
  include?: readonly DiscordToolName[];
  /** Most messages `read_channel_messages` returns (Discord's own ceiling is 100). @default 50 */
  maxMessages?: number;
}

const SNOWFLAKE = /^\d{17,20}$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tools of different argument types, as runTools takes them
type AnyTool = LlmToolDefinition<any, unknown>;

/** The same words whether the channel does not exist or the user may not see it, so nothing leaks either way. */
const notVisible = (channelId: string) => new Error(`channel ${channelId} does not exist or the user who asked cannot see it`);

function channelSummary(channel: GuildBasedChannel) {
  return { id: channel.id, name: channel.name, type: ChannelType[channel.type], parentId: channel.parentId };
}

/**
 * Opt-in Discord tools for `this.llm.runTools`, acting for the user who invoked the command: every tool resolves
 * that member first and answers only what they may see themselves (channels they can view; messages of channels
 * they can view and read the history of). A refusal is a tool error the model reads, never data.
 *
 * - `lookup_member { query }`: a member of this guild by id or name (id, username, display name, roles, join date).
 * - `list_channels {}`: the guild's channels the user can view.
 * - `read_channel_messages { channel_id, limit? }`: a visible channel's recent messages, oldest first. Message text
 *   is empty unless the bot has the MessageContent intent.
 *
 * @throws BotError `BL_ERR_BOT_DISCORD_TOOLS_OUTSIDE_GUILD` outside a guild.
 * @example
 * ```ts
 * const { text } = await this.llm.runTools({ prompt: question, tools: discordTools(interaction) });
 * ```
 */
export function discordTools(scope: DiscordToolsScope, options: DiscordToolsOptions = {}): AnyTool[] {
  const guild = scope.guild;
  if (guild === null) {
    throw new BotError(BOT_ERROR_CODES.discordToolsOutsideGuild, 'discordTools() needs an interaction in a guild: give the tools only to guildOnly commands', {
      details: { userId: scope.user.id },
    });
  }
  const maxMessages = Math.min(Math.max(options.maxMessages ?? 50, 1), 100);
  const invoker = async (): Promise<GuildMember> => {
    try {
      return await guild.members.fetch(scope.user.id);
    } catch {
      throw new Error('the user who asked is no longer a member of this server');
    }
  };
  const canSee = (channel: GuildBasedChannel, member: GuildMember, history = false): boolean => {
    const permissions = channel.permissionsFor(member);
    return permissions.has(PermissionFlagsBits.ViewChannel) && (!history || permissions.has(PermissionFlagsBits.ReadMessageHistory));
  };

  const tools: Record<DiscordToolName, AnyTool> = {
    lookup_member: defineTool({
      name: 'lookup_member',
      description: 'Find members of this Discord server by user id or by (the start of) their name',
      parameters: z.object({ query: z.string().min(1).max(100).describe('A user id, or the start of a username or nickname') }),
      execute: async ({ query }) => {
        await invoker();
        const found = SNOWFLAKE.test(query)
          ? await guild.members.fetch(query).then(
              (member) => [member],
              () => [],
            )
          : [...(await guild.members.search({ query, limit: 5 })).values()];
        return found.map((member) => ({
          id: member.id,
          username: member.user.username,
          displayName: member.displayName,
          roles: member.roles.cache.filter((role) => role.id !== guild.id).map((role) => role.name),
          joinedAt: member.joinedAt?.toISOString() ?? null,
        }));
      },
    }),
    list_channels: defineTool({
      name: 'list_channels',
      description: 'List the channels of this Discord server that the user who asked can see',
      parameters: z.object({}),
      execute: async () => {
        const member = await invoker();
        const channels = await guild.channels.fetch();
        return [...channels.values()]
          .filter((channel): channel is NonNullable<typeof channel> => channel !== null && canSee(channel, member))
          .sort((a, b) => a.rawPosition - b.rawPosition)
          .map(channelSummary);
      },
    }),
    read_channel_messages: defineTool({
      name: 'read_channel_messages',
      description: 'Read the recent messages of a channel of this Discord server that the user who asked can read',
      parameters: z.object({
        channel_id: z.string().regex(SNOWFLAKE).describe('The channel id, as list_channels gives it'),
        limit: z.number().int().min(1).max(maxMessages).optional().describe(`How many messages (default 20, at most ${maxMessages})`),
      }),
      execute: async ({ channel_id: channelId, limit }) => {
        const member = await invoker();
        // Only this guild's channels: a channel id of another server is as unknown as a missing one.
        const channel = await guild.channels.fetch(channelId).catch(() => null);
        if (channel === null || !canSee(channel, member, true)) throw notVisible(channelId);
        if (!channel.isTextBased()) throw new Error(`channel ${channelId} (${channel.name}) has no messages to read`);
        const messages = await channel.messages.fetch({ limit: limit ?? Math.min(20, maxMessages) });
        return [...messages.values()]
          .sort((a, b) => a.createdTimestamp - b.createdTimestamp)
          .map((message) => ({ author: message.author.username, content: message.content, createdAt: message.createdAt.toISOString() }));
      },
    }),
  };
  return (options.include ?? (Object.keys(tools) as DiscordToolName[])).map((name) => tools[name]);
}
