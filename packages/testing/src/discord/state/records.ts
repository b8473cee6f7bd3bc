import type { PermissionOverwrite } from '../permissions.js';

/** A user (human or bot) as the emulator stores it. */
export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  discriminator: string;
  avatar: string | null;
  bot: boolean;
  email: string | null;
  verified: boolean;
  locale: string;
}

/** A guild role. The `@everyone` role has the guild's id. */
export interface RoleRecord {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  /** Set on a bot's managed role (`tags.bot_id`). */
  botId: string | null;
}

/** A guild channel or a DM channel (`guildId` null). */
export interface ChannelRecord {
  id: string;
  guildId: string | null;
  type: number;
  name: string | null;
  position: number;
  parentId: string | null;
  topic: string | null;
  nsfw: boolean;
  overwrites: PermissionOverwrite[];
  lastMessageId: string | null;
  /** DM recipients (user ids). */
  recipientIds: string[];
  /** Thread state for thread channels (types 10, 11, 12), null otherwise. */
  thread: ThreadRecord | null;
}

/** What a thread channel has beyond a channel: owner, archive state and members. */
export interface ThreadRecord {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  /** Minutes: 60, 1440, 4320 or 10080. */
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
  invitable: boolean;
  /** Members by user id, with their join time. */
  members: Map<string, string>;
  /** Messages sent in the thread (not counting the starter message). */
  messageCount: number;
}

/** A guild member: the user plus its guild-specific data. */
export interface MemberRecord {
  userId: string;
  nick: string | null;
  roles: string[];
  joinedAt: string;
  communicationDisabledUntil: string | null;
}

/** A guild audit log entry. */
export interface AuditLogEntryRecord {
  id: string;
  actionType: number;
  userId: string | null;
  targetId: string | null;
  reason: string | null;
  changes: unknown[];
  options?: Record<string, unknown>;
}

/** A guild, with its roles, channels, members and audit log held in insertion-ordered maps. */
export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  icon: string | null;
  description: string | null;
  preferredLocale: string;
  features: string[];
  systemChannelId: string | null;
  roles: Map<string, RoleRecord>;
  channels: Map<string, ChannelRecord>;
  /** Thread channels (kept apart: Discord lists them under `threads`, not `channels`). */
  threads: Map<string, ChannelRecord>;
  members: Map<string, MemberRecord>;
  /** Banned user ids with the ban reason. */
  bans: Map<string, string | null>;
  /** Newest last. */
  auditLog: AuditLogEntryRecord[];
}

/** A message in a channel, or an ephemeral interaction message (never listed in its channel). */
export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  /** Message flags: 64 ephemeral, 128 loading (deferred), … */
  flags: number;
  /** 0 default, 19 reply, 20 chat-input command, 23 context-menu command. */
  type: number;
  timestamp: string;
  editedTimestamp: string | null;
  tts: boolean;
  mentionUserIds: string[];
  mentionRoleIds: string[];
  mentionEveryone: boolean;
  webhookId: string | null;
  applicationId: string | null;
  /** The interaction this message answers, if any. */
  interactionId: string | null;
  /** `interaction_metadata` (and the legacy `interaction`) of a message created by an interaction response. */
  interaction: { metadata: Record<string, unknown>; legacy: Record<string, unknown> | null } | null;
  /** `message_reference` of a reply (type 19) or a thread starter, stored as sent. */
  reference: MessageReferenceRecord | null;
  /** Reactions in the order they were first added. */
  reactions: ReactionRecord[];
  /** The thread started from this message, if any (its id equals this message's id). */
  threadId: string | null;
  deleted: boolean;
}

/** Where a reply points. */
export interface MessageReferenceRecord {
  messageId: string;
  channelId: string;
  guildId: string | null;
}

/** One emoji's reactions on a message. */
export interface ReactionRecord {
  /** `name` for a unicode emoji, `name:id` for a custom one (the route's `{emoji}` segment). */
  key: string;
  emoji: { id: string | null; name: string; animated?: boolean };
  /** Who reacted, in order. */
  userIds: Set<string>;
}

/** An application command exactly as registered, plus the fields Discord adds. */
export interface CommandRecord {
  id: string;
  /** null for global commands. */
  guildId: string | null;
  /** The body as received, with `id`, `application_id`, `version`, `type` and (guild scope) `guild_id` added. */
  body: Record<string, unknown> & { name: string; type: number };
}
