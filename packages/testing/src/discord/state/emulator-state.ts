import { computeBasePermissions, applyOverwrites, type PermissionGuildView } from '../permissions.js';
import type { ChannelRecord, CommandRecord, GuildRecord, MemberRecord, MessageRecord, RoleRecord, UserRecord } from './records.js';

/**
 * Everything the emulator knows, in Maps keyed by snowflake. No method scans a whole collection on the hot
 * paths (dispatch, interactions, messages); lookups by name exist for seeds and drivers only.
 */
export class EmulatorState {
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  /** Every channel of every guild plus DM channels. */
  readonly channels = new Map<string, ChannelRecord>();
  /** Every message by id, including ephemeral interaction messages. */
  readonly messages = new Map<string, MessageRecord>();
  /** Non-ephemeral messages per channel, oldest first. */
  readonly channelMessages = new Map<string, Map<string, MessageRecord>>();
  /** Application commands per scope: `global` or a guild id. */
  readonly commands = new Map<string, Map<string, CommandRecord>>();
  /** Guilds the bot is a member of. */
  readonly botGuildIds = new Set<string>();
  /**
   * Bumped after every driver call and every REST request that may change users, members, roles, guilds or
   * channels; caches of parts derived from them (interaction payloads) are valid while it stays the same.
   */
  version = 0;

  constructor(readonly botUserId: string) {}

  /** Marks the state changed: invalidates what was derived from it (see {@link version}). */
  changed(): void {
    this.version++;
  }

  /** The user with `idOrName` as id or username, if any. */
  findUser(idOrName: string): UserRecord | undefined {
    const byId = this.users.get(idOrName);
    if (byId) return byId;
    for (const user of this.users.values()) if (user.username === idOrName) return user;
    return undefined;
  }

  /** The role of `guild` with `idOrName` as id or name (`@everyone` included). */
  findRole(guild: GuildRecord, idOrName: string): RoleRecord | undefined {
    const byId = guild.roles.get(idOrName);
    if (byId) return byId;
    for (const role of guild.roles.values()) if (role.name === idOrName) return role;
    return undefined;
  }

  /** The channel of `guild` with `idOrName` as id or name. */
  findChannel(guild: GuildRecord, idOrName: string): ChannelRecord | undefined {
    const byId = guild.channels.get(idOrName);
    if (byId) return byId;
    for (const channel of guild.channels.values()) if (channel.name === idOrName) return channel;
    return undefined;
  }

  /** True when the bot is a member of `guildId`. */
  botIsIn(guildId: string): boolean {
    return this.botGuildIds.has(guildId);
  }

  /** The guild view permission computation needs. */
  permissionView(guild: GuildRecord): PermissionGuildView {
    return guildPermissionView(guild);
  }

  /** Guild-level permissions of `userId` in `guild` (0 when not a member). */
  basePermissions(guild: GuildRecord, userId: string): bigint {
    const member = guild.members.get(userId);
    if (!member) return 0n;
    return computeBasePermissions(guildPermissionView(guild), userId, member.roles);
  }

  /** Permissions of `userId` in `channel`, overwrites included (a thread has its parent's). */
  channelPermissions(guild: GuildRecord, channel: ChannelRecord, userId: string): bigint {
    const member = guild.members.get(userId);
    if (!member) return 0n;
    const base = computeBasePermissions(guildPermissionView(guild), userId, member.roles);
    const source = channel.thread && channel.parentId ? (this.channels.get(channel.parentId) ?? channel) : channel;
    return applyOverwrites(base, guild.id, userId, member.roles, source.overwrites);
  }

  /** Stores a message, indexing it under its channel unless it is ephemeral. */
  putMessage(message: MessageRecord): void {
    this.messages.set(message.id, message);
    if ((message.flags & 64) !== 0) return;
    let list = this.channelMessages.get(message.channelId);
    if (!list) {
      list = new Map();
      this.channelMessages.set(message.channelId, list);
    }
    list.set(message.id, message);
    const channel = this.channels.get(message.channelId);
    if (channel) channel.lastMessageId = message.id;
  }

  /** Marks a message deleted and removes it from its channel listing. */
  deleteMessage(message: MessageRecord): void {
    message.deleted = true;
    this.messages.delete(message.id);
    this.channelMessages.get(message.channelId)?.delete(message.id);
  }

  /** The command map of a scope (`null` = global), created on first use. */
  commandScope(guildId: string | null): Map<string, CommandRecord> {
    const key = guildId ?? 'global';
    let scope = this.commands.get(key);
    if (!scope) {
      scope = new Map();
      this.commands.set(key, scope);
    }
    return scope;
  }

  /** Adds or replaces a member and keeps the bot's guild set in sync. */
  putMember(guild: GuildRecord, member: MemberRecord): void {
    guild.members.set(member.userId, member);
    if (member.userId === this.botUserId) this.botGuildIds.add(guild.id);
  }

  /** Removes a member and keeps the bot's guild set in sync. */
  removeMember(guild: GuildRecord, userId: string): MemberRecord | undefined {
    const member = guild.members.get(userId);
    guild.members.delete(userId);
    if (userId === this.botUserId) this.botGuildIds.delete(guild.id);
    return member;
  }
}

/**
 * The permission view of a guild, made once per guild record (weakly held): permission checks run on every
 * interaction and REST call, and a view per call was a closure allocation each time. It reads roles live.
 */
const permissionViews = new WeakMap<GuildRecord, PermissionGuildView>();

function guildPermissionView(guild: GuildRecord): PermissionGuildView {
  let view = permissionViews.get(guild);
  if (!view) {
    view = {
      get id() {
        return guild.id;
      },
      get ownerId() {
        return guild.ownerId;
      },
      rolePermissions: (roleId) => guild.roles.get(roleId)?.permissions,
    };
    permissionViews.set(guild, view);
  }
  return view;
}
