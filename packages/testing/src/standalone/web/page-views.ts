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
  /** Threads under their parent channels (archived ones included, marked). */
  threads: { id: string; name: string | null; parentId: string | null; type: number; archived: boolean }[];
  members: MemberView[];
  roles: { id: string; name: string; managed: boolean }[];
  ownerId: string;
  /** Chat-input commands usable in the guild: guild-scoped ones, then global ones not shadowed by name. */
  commands: Record<string, unknown>[];
}

/** A guild member as the page and the control API show it. */
export interface MemberView {
  id: string;
  username: string;
  displayName: string;
  nick: string | null;
  /** Role ids. */
  roles: string[];
  bot: boolean;
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
  /** Emoji (`👍` or `name:id`), count and who reacted. */
  reactions: { emoji: string; count: number; userIds: string[] }[];
  /** For replies: the replied-to message id. */
  replyTo: string | null;
  /** The thread started from this message. */
  threadId: string | null;
  /** For bot answers: the command and who ran it. */
  interaction: { name: string; userName: string } | null;
}

function displayName(user: UserRecord | undefined, nick?: string | null): string {
  if (!user) return 'unknown user';
  return nick ?? user.globalName ?? user.username;
}

function guildView(emulator: DiscordEmulator, guild: GuildRecord): GuildView {
  const chatInput = (scope: string | null) =>
    emulator
      .commands(scope)
      .filter((command) => command.body.type === 1)
      .map((command) => command.body);
  const guildCommands = chatInput(guild.id);
  const names = new Set(guildCommands.map((command) => command.name));
  return {
    id: guild.id,
    name: guild.name,
    channels: [...guild.channels.values()]
      .map((channel) => ({ id: channel.id, name: channel.name, type: channel.type, parentId: channel.parentId, position: channel.position }))
      .sort((a, b) => a.position - b.position),
    threads: [...guild.threads.values()].map((thread) => ({
      id: thread.id,
      name: thread.name,
      parentId: thread.parentId,
      type: thread.type,
      archived: thread.thread?.archived ?? false,
    })),
    members: [...guild.members.keys()].map((userId) => memberView(emulator, guild.id, userId)),
    roles: [...guild.roles.values()].map((role) => ({ id: role.id, name: role.name, managed: role.managed })),
    ownerId: guild.ownerId,
    commands: [...guildCommands, ...chatInput(null).filter((command) => !names.has(command.name))],
  };
}

/** A member of a guild (the user's display name is the nick, else the global name, else the username). */
export function memberView(emulator: DiscordEmulator, guildId: string, userId: string): MemberView {
  const member = emulator.state.guilds.get(guildId)?.members.get(userId);
  const user = emulator.state.users.get(userId);
  return {
    id: userId,
    username: user?.username ?? userId,
    displayName: displayName(user, member?.nick),
    nick: member?.nick ?? null,
    roles: member?.roles ?? [],
    bot: user?.bot ?? false,
  };
}

/** Everything the page lists: the application, users, every guild, and the DM channels opened so far. */
export function stateView(emulator: DiscordEmulator, urls: Record<string, string>) {
  const { state } = emulator;
  const bot = state.users.get(emulator.applicationId);
  const dms = [...state.channels.values()].filter((channel) => channel.type === 1);
  return {
    application: { id: emulator.applicationId, botName: bot?.username ?? 'bot' },
    urls,
    users: [...state.users.values()].filter((user) => !user.bot).map((user) => ({ id: user.id, username: user.username, displayName: displayName(user) })),
    guilds: [...state.guilds.values()].map((guild) => ({ ...guildView(emulator, guild), botIsMember: state.botIsIn(guild.id) })),
    dms: dms.map((channel) => ({ channelId: channel.id, userId: channel.recipientIds[0] ?? null })),
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
    reactions: message.reactions.map((reaction) => ({
      emoji: reaction.emoji.id ? `${reaction.emoji.name}:${reaction.emoji.id}` : reaction.emoji.name,
      count: reaction.userIds.size,
      userIds: [...reaction.userIds],
    })),
    replyTo: message.type === 19 ? (message.reference?.messageId ?? null) : null,
    threadId: message.threadId,
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
    choices: record.choices,
    guildId: record.guildId,
    channelId: record.channelId,
    failed: !response && Date.now() - record.createdAt > responseTimeoutMs,
  };
}
