import { Intent } from '../gateway/intents.js';
import { Permission } from '../permissions.js';
import type { EmulatorState } from './emulator-state.js';
import type { ChannelRecord, GuildRecord, MemberRecord, MessageRecord, ReactionRecord, RoleRecord, ThreadRecord, UserRecord } from './records.js';

/** Discord user object. */
export function userPayload(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.discriminator,
    global_name: user.globalName,
    avatar: user.avatar,
    bot: user.bot,
    system: false,
    mfa_enabled: false,
    locale: user.locale,
    flags: 0,
    public_flags: 0,
    premium_type: 0,
  };
}

/** Discord role object (permissions as a decimal string). */
export function rolePayload(role: RoleRecord): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: role.mentionable,
    flags: 0,
  };
  if (role.botId) payload['tags'] = { bot_id: role.botId };
  return payload;
}

/** Discord channel object (thread channels as Discord sends threads). */
export function channelPayload(channel: ChannelRecord, state?: EmulatorState): Record<string, unknown> {
  if (channel.thread) return threadPayload(channel, channel.thread);
  const payload: Record<string, unknown> = {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    topic: channel.topic,
    nsfw: channel.nsfw,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
    permission_overwrites: channel.overwrites.map((overwrite) => ({
      id: overwrite.id,
      type: overwrite.type,
      allow: overwrite.allow.toString(),
      deny: overwrite.deny.toString(),
    })),
  };
  if (channel.guildId) payload['guild_id'] = channel.guildId;
  if (channel.type === 1 && state) {
    payload['recipients'] = channel.recipientIds.flatMap((id) => {
      const user = state.users.get(id);
      return user ? [userPayload(user)] : [];
    });
  }
  return payload;
}

/** A thread channel: owner, counts and `thread_metadata`. */
function threadPayload(channel: ChannelRecord, thread: ThreadRecord): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    archived: thread.archived,
    auto_archive_duration: thread.autoArchiveDuration,
    archive_timestamp: thread.archiveTimestamp,
    locked: thread.locked,
    create_timestamp: thread.createTimestamp,
  };
  if (channel.type === 12) metadata['invitable'] = thread.invitable;
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    parent_id: channel.parentId,
    owner_id: thread.ownerId,
    name: channel.name,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
    message_count: thread.messageCount,
    total_message_sent: thread.messageCount,
    member_count: Math.min(50, thread.members.size),
    thread_metadata: metadata,
  };
}

/** Discord thread member object (`member` of THREAD_CREATE, `GET /thread-members`). */
export function threadMemberPayload(channel: ChannelRecord, userId: string, joinedAt: string): Record<string, unknown> {
  return { id: channel.id, user_id: userId, join_timestamp: joinedAt, flags: 0 };
}

/** Discord guild member object; `withUser` false gives the shape used in `resolved.members`. */
export function memberPayload(state: EmulatorState, member: MemberRecord, withUser = true): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: member.roles,
    joined_at: member.joinedAt,
    premium_since: null,
    flags: 0,
    pending: false,
    communication_disabled_until: member.communicationDisabledUntil,
  };
  if (withUser) {
    const user = state.users.get(member.userId);
    payload['user'] = user ? userPayload(user) : { id: member.userId, username: 'unknown', discriminator: '0' };
    payload['deaf'] = false;
    payload['mute'] = false;
  }
  return payload;
}

/** Discord guild object as `GET /guilds/{id}` returns it. */
export function guildPayload(state: EmulatorState, guild: GuildRecord): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: guild.icon,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: guild.description,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    system_channel_id: guild.systemChannelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    nsfw_level: 0,
    preferred_locale: guild.preferredLocale,
    features: guild.features,
    application_id: null,
    vanity_url_code: null,
    max_members: 500_000,
    approximate_member_count: guild.members.size,
    roles: [...guild.roles.values()].map(rolePayload),
    emojis: [],
    stickers: [],
  };
}

/** How many members a GUILD_CREATE lists (see `GatewayOptions.guildCreateMembers`). */
export type GuildCreateMemberMode = 'discord' | 'all';

/** GUILD_CREATE payload for one session (its intents and `large_threshold` decide the member list). */
export function guildCreatePayload(
  state: EmulatorState,
  guild: GuildRecord,
  view: { intents: number; largeThreshold: number; memberMode: GuildCreateMemberMode },
): Record<string, unknown> {
  const large = guild.members.size > view.largeThreshold;
  // Discord lists every member only with GUILD_PRESENCES in guilds under large_threshold;
  // otherwise just the bot itself (nobody is in voice here).
  const everyone = view.memberMode === 'all' || ((view.intents & Intent.GuildPresences) !== 0 && !large);
  const members: Record<string, unknown>[] = [];
  if (everyone) {
    for (const member of guild.members.values()) members.push(memberPayload(state, member));
  } else {
    const me = guild.members.get(state.botUserId);
    if (me) members.push(memberPayload(state, me));
  }
  const joinedAt = guild.members.get(state.botUserId)?.joinedAt ?? new Date().toISOString();
  return {
    ...guildPayload(state, guild),
    unavailable: false,
    joined_at: joinedAt,
    large,
    member_count: guild.members.size,
    channels: [...guild.channels.values()].map((channel) => channelPayload(channel)),
    members,
    threads: [...guild.threads.values()]
      .filter((thread) => !thread.thread?.archived && botSeesThread(state, guild, thread))
      .map((thread) => channelPayload(thread)),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Discord reaction object as listed on a message; `me` is the bot's own reaction. */
export function reactionPayload(state: EmulatorState, reaction: ReactionRecord): Record<string, unknown> {
  return {
    count: reaction.userIds.size,
    count_details: { burst: 0, normal: reaction.userIds.size },
    me: reaction.userIds.has(state.botUserId),
    me_burst: false,
    burst_colors: [],
    emoji: reaction.emoji,
  };
}

/** Discord message object; `depth` 0 includes `referenced_message` one level deep, as Discord does. */
export function messagePayload(state: EmulatorState, message: MessageRecord, depth = 0): Record<string, unknown> {
  const author = state.users.get(message.authorId);
  const payload: Record<string, unknown> = {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    author: author ? userPayload(author) : { id: message.authorId, username: 'unknown', discriminator: '0' },
    content: message.content,
    embeds: message.embeds,
    attachments: message.attachments,
    components: message.components,
    mentions: message.mentionUserIds.flatMap((id) => {
      const user = state.users.get(id);
      return user ? [userPayload(user)] : [];
    }),
    mention_roles: message.mentionRoleIds,
    mention_everyone: message.mentionEveryone,
    pinned: false,
    tts: message.tts,
    timestamp: message.timestamp,
    edited_timestamp: message.editedTimestamp,
    flags: message.flags,
  };
  if (message.guildId) payload['guild_id'] = message.guildId;
  if (message.webhookId) payload['webhook_id'] = message.webhookId;
  if (message.applicationId) payload['application_id'] = message.applicationId;
  if (message.interaction) {
    payload['interaction_metadata'] = message.interaction.metadata;
    if (message.interaction.legacy) payload['interaction'] = message.interaction.legacy;
  }
  if (message.reference) {
    const { messageId, channelId, guildId } = message.reference;
    payload['message_reference'] = { type: 0, message_id: messageId, channel_id: channelId, ...(guildId ? { guild_id: guildId } : {}) };
    if (message.type === 19 && depth === 0) {
      const referenced = state.messages.get(messageId);
      payload['referenced_message'] = referenced ? messagePayload(state, referenced, 1) : null;
    }
  }
  if (message.reactions.length > 0) payload['reactions'] = message.reactions.map((reaction) => reactionPayload(state, reaction));
  if (message.threadId) {
    const thread = state.channels.get(message.threadId);
    if (thread) payload['thread'] = channelPayload(thread);
  }
  return payload;
}

/** Whether the bot has VIEW_CHANNEL on channel `channelId` of `guild`. */
export function botCanView(state: EmulatorState, guild: GuildRecord, channelId: string): boolean {
  const channel = state.channels.get(channelId);
  return channel !== undefined && (state.channelPermissions(guild, channel, state.botUserId) & Permission.ViewChannel) !== 0n;
}

/** Whether the bot hears of a thread: its parent channel is visible to it, and a private one has it as member. */
export function botSeesThread(state: EmulatorState, guild: GuildRecord, thread: ChannelRecord): boolean {
  if (thread.type === 12 && !thread.thread?.members.has(state.botUserId)) return false;
  return thread.parentId !== null && botCanView(state, guild, thread.parentId);
}
