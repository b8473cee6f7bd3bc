import type { DiscordEmulator } from '../../discord/discord-emulator.js';
import type { InteractionRecord } from '../../discord/driver/interaction-record.js';
import type { GuildRecord, MessageRecord, UserRecord } from '../../discord/state/records.js';

/** Messages the page shows per channel (the newest ones). */
const MESSAGE_LIMIT = 100;

/** A guild as the page lists it: channels, members (pickable users), roles and its registered commands. */
export interface GuildView {
  id: string;
  name: string;
  channels: { id: string; name: string | null; type: number; parentId: string | null; position: number }[];
  members: { id: string; username: string; displayName: string; bot: boolean }[];
  roles: { id: string; name: string }[];
  /** Chat-input commands usable in the guild: guild-scoped ones, then global ones not shadowed by name. */
  commands: Record<string, unknown>[];
}

/** A message as the page renders it. */
export interface MessageView {
  id: string;
  authorId: string;
  authorName: string;
  bot: boolean;
  content: string;
  embeds: unknown[];
  components: unknown[];
  ephemeral: boolean;
  loading: boolean;
  edited: boolean;
  timestamp: string;
  /** For bot answers: the command and who ran it. */
  interaction: { name: string; userName: string } | null;
}

function displayName(user: UserRecord | undefined, nick?: string | null): string {
  if (!user) return 'unknown user';
  return nick ?? user.globalName ?? user.username;
}

function guildView(emulator: DiscordEmulator, guild: GuildRecord): GuildView {
  const { state } = emulator;
  const chatInput = (scope: string | null) => emulator.commands(scope).filter((command) => command.body.type === 1).map((command) => command.body);
  const guildCommands = chatInput(guild.id);
  const names = new Set(guildCommands.map((command) => command.name));
  return {
    id: guild.id,
    name: guild.name,
    channels: [...guild.channels.values()]
      .map((channel) => ({ id: channel.id, name: channel.name, type: channel.type, parentId: channel.parentId, position: channel.position }))
      .sort((a, b) => a.position - b.position),
    members: [...guild.members.values()].map((member) => {
      const user = state.users.get(member.userId);
      return { id: member.userId, username: user?.username ?? member.userId, displayName: displayName(user, member.nick), bot: user?.bot ?? false };
    }),
    roles: [...guild.roles.values()].map((role) => ({ id: role.id, name: role.name })),
    commands: [...guildCommands, ...chatInput(null).filter((command) => !names.has(command.name))],
  };
}

/** Everything the page lists: the application and every guild the bot or any user is in. */
export function stateView(emulator: DiscordEmulator, urls: Record<string, string>) {
  const bot = emulator.state.users.get(emulator.applicationId);
  return {
    application: { id: emulator.applicationId, botName: bot?.username ?? 'bot' },
    urls,
    guilds: [...emulator.state.guilds.values()].map((guild) => ({ ...guildView(emulator, guild), botIsMember: emulator.state.botIsIn(guild.id) })),
  };
}

function messageView(emulator: DiscordEmulator, message: MessageRecord, interactions: Map<string, InteractionRecord>): MessageView {
  const { state } = emulator;
  const author = state.users.get(message.authorId);
  const member = message.guildId ? state.guilds.get(message.guildId)?.members.get(message.authorId) : undefined;
  const interaction = message.interactionId ? interactions.get(message.interactionId) : undefined;
  const data = interaction?.payload['data'] as { name?: unknown; custom_id?: unknown } | undefined;
  return {
    id: message.id,
    authorId: message.authorId,
    authorName: displayName(author, member?.nick),
    bot: author?.bot ?? false,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    ephemeral: (message.flags & 64) !== 0,
    loading: (message.flags & 128) !== 0,
    edited: message.editedTimestamp !== null,
    timestamp: message.timestamp,
    interaction: interaction
      ? {
          name: typeof data?.name === 'string' ? `/${data.name}` : typeof data?.custom_id === 'string' ? `[${data.custom_id}]` : 'interaction',
          userName: displayName(state.users.get(interaction.userId)),
        }
      : null,
  };
}

/**
 * The newest messages of a channel as `viewerId` sees them: the channel's messages plus the ephemeral
 * interaction messages addressed to that user, oldest first.
 */
export function messagesView(emulator: DiscordEmulator, channelId: string, viewerId: string | null): MessageView[] {
  const interactions = new Map(emulator.interactions().map((record) => [record.id, record]));
  const listed = [...(emulator.state.channelMessages.get(channelId)?.values() ?? [])].slice(-MESSAGE_LIMIT);
  const ephemeral: MessageRecord[] = [];
  if (viewerId) {
    for (const record of interactions.values()) {
      if (record.channelId !== channelId || record.userId !== viewerId) continue;
      for (const message of [record.original, ...record.followUps]) {
        if (message && !message.deleted && (message.flags & 64) !== 0) ephemeral.push(message);
      }
    }
  }
  // Snowflake ids grow with time, so ordering by id (as BigInt) orders by creation.
  const all = [...listed, ...ephemeral].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).slice(-MESSAGE_LIMIT);
  return all.map((message) => messageView(emulator, message, interactions));
}

/** What the page polls after invoking something: the bot's first answer, a modal, or a timeout. */
export function interactionView(emulator: DiscordEmulator, interactionId: string, responseTimeoutMs: number) {
  const record = emulator.interactions().find((candidate) => candidate.id === interactionId);
  if (!record) return null;
  const response = record.response;
  return {
    id: record.id,
    response: response ? { type: response.type, ephemeral: response.ephemeral, deferred: response.deferred } : null,
    modal: record.modal,
    guildId: record.guildId,
    channelId: record.channelId,
    failed: !response && Date.now() - record.createdAt > responseTimeoutMs,
  };
}
