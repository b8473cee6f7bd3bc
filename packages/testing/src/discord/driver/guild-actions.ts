import { DiscordEmulatorError } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import { DEFAULT_EVERYONE_PERMISSIONS } from '../permissions.js';
import { channelPayload, memberPayload, rolePayload, userPayload } from '../state/payloads.js';
import type { AuditLogEntryRecord, ChannelRecord, GuildRecord, MemberRecord, RoleRecord, UserRecord } from '../state/records.js';
import {
  toPermissions,
  type BotJoinInput,
  type ChannelInput,
  type GuildInput,
  type MemberInput,
  type MemberUpdateInput,
  type RoleInput,
  type UserInput,
} from './inputs.js';

/** Default permissions of the bot's managed role: view, send, embed, history, VIEW_AUDIT_LOG, use commands. */
export const DEFAULT_BOT_PERMISSIONS = 2_147_568_768n;

/** Audit log action type of "bot added". */
export const AUDIT_BOT_ADD = 28;

/** State changes on users, guilds, roles, channels and members, each with the gateway events Discord sends. */
export class GuildActions {
  constructor(private readonly core: EmulatorCore) {}

  private get state() {
    return this.core.ctx.state;
  }

  /** The guild with this id, or a coded error. */
  guild(guildId: string): GuildRecord {
    const guild = this.state.guilds.get(guildId);
    if (!guild) throw new DiscordEmulatorError('BL_ERR_EMULATOR_UNKNOWN_GUILD', `no guild ${guildId}`);
    return guild;
  }

  /** The user with this id or username, or a coded error. */
  user(idOrName: string): UserRecord {
    const user = this.state.findUser(idOrName);
    if (!user) throw new DiscordEmulatorError('BL_ERR_EMULATOR_UNKNOWN_USER', `no user "${idOrName}"`);
    return user;
  }

  role(guild: GuildRecord, idOrName: string): RoleRecord {
    const role = this.state.findRole(guild, idOrName);
    if (!role) throw new DiscordEmulatorError('BL_ERR_EMULATOR_UNKNOWN_ROLE', `no role "${idOrName}" in guild ${guild.id}`);
    return role;
  }

  channel(guild: GuildRecord, idOrName: string): ChannelRecord {
    const channel = this.state.findChannel(guild, idOrName);
    if (!channel) {
      throw new DiscordEmulatorError('BL_ERR_EMULATOR_UNKNOWN_CHANNEL', `no channel "${idOrName}" in guild ${guild.id}`);
    }
    return channel;
  }

  member(guild: GuildRecord, userIdOrName: string): MemberRecord {
    const user = this.user(userIdOrName);
    const member = guild.members.get(user.id);
    if (!member) throw new DiscordEmulatorError('BL_ERR_EMULATOR_UNKNOWN_MEMBER', `${user.username} is not in guild ${guild.id}`);
    return member;
  }

  addUser(input: UserInput): UserRecord {
    const id = input.id ?? this.core.ctx.snowflakes.next();
    if (this.state.users.has(id)) throw new DiscordEmulatorError('BL_ERR_EMULATOR_DUPLICATE', `user ${id} exists`);
    const user: UserRecord = {
      id,
      username: input.username,
      globalName: input.globalName ?? null,
      discriminator: input.bot ? '0000' : '0',
      avatar: null,
      bot: input.bot ?? false,
      email: input.email === undefined ? `${input.username}@example.test` : input.email,
      verified: true,
      locale: input.locale ?? 'en-US',
    };
    this.state.users.set(id, user);
    return user;
  }

  addGuild(input: GuildInput): GuildRecord {
    const id = input.id ?? this.core.ctx.snowflakes.nextSpread();
    if (this.state.guilds.has(id)) throw new DiscordEmulatorError('BL_ERR_EMULATOR_DUPLICATE', `guild ${id} exists`);
    const owner = this.user(input.owner);
    const guild: GuildRecord = {
      id,
      name: input.name,
      ownerId: owner.id,
      icon: null,
      description: null,
      preferredLocale: input.preferredLocale ?? 'en-US',
      features: input.features ?? [],
      systemChannelId: null,
      roles: new Map(),
      channels: new Map(),
      members: new Map(),
      auditLog: [],
    };
    guild.roles.set(id, {
      id,
      name: '@everyone',
      permissions: toPermissions(input.everyonePermissions, DEFAULT_EVERYONE_PERMISSIONS),
      position: 0,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      botId: null,
    });
    this.state.guilds.set(id, guild);
    for (const role of input.roles ?? []) this.#createRole(guild, role);
    for (const channel of input.channels ?? [{ name: 'general' }]) this.#createChannel(guild, channel);
    guild.systemChannelId = guild.channels.values().next().value?.id ?? null;
    this.state.putMember(guild, this.#memberRecord(guild, { user: owner.id }));
    for (const member of input.members ?? []) {
      const record = this.#memberRecord(guild, member);
      if (!guild.members.has(record.userId)) this.state.putMember(guild, record);
    }
    if (input.bot !== false) this.botJoin(id, input.bot === true || input.bot === undefined ? {} : input.bot);
    return guild;
  }

  /** Deletes a guild; the bot's shard gets GUILD_DELETE if the bot was in it. */
  removeGuild(guildId: string): void {
    const guild = this.guild(guildId);
    const botWasIn = this.state.botIsIn(guildId);
    for (const channelId of guild.channels.keys()) {
      this.state.channels.delete(channelId);
      this.state.channelMessages.delete(channelId);
    }
    this.state.botGuildIds.delete(guildId);
    this.state.guilds.delete(guildId);
    if (botWasIn) this.core.gateway.dispatch(guildId, 'GUILD_DELETE', JSON.stringify({ id: guildId }));
  }

  addRole(guildId: string, input: RoleInput): RoleRecord {
    const guild = this.guild(guildId);
    const role = this.#createRole(guild, input);
    this.#dispatchIfBotIn(guild, 'GUILD_ROLE_CREATE', { guild_id: guild.id, role: rolePayload(role) }, Intent.Guilds);
    return role;
  }

  /** Changes a role's permissions (GUILD_ROLE_UPDATE). */
  setRolePermissions(guildId: string, roleIdOrName: string, permissions: bigint | string | number): RoleRecord {
    const guild = this.guild(guildId);
    const role = this.role(guild, roleIdOrName);
    role.permissions = toPermissions(permissions, 0n);
    this.#dispatchIfBotIn(guild, 'GUILD_ROLE_UPDATE', { guild_id: guild.id, role: rolePayload(role) }, Intent.Guilds);
    return role;
  }

  addChannel(guildId: string, input: ChannelInput): ChannelRecord {
    const guild = this.guild(guildId);
    const channel = this.#createChannel(guild, input);
    this.#dispatchIfBotIn(guild, 'CHANNEL_CREATE', channelPayload(channel), Intent.Guilds);
    return channel;
  }

  addMember(guildId: string, input: MemberInput): MemberRecord {
    const guild = this.guild(guildId);
    const member = this.#memberRecord(guild, input);
    if (guild.members.has(member.userId)) {
      throw new DiscordEmulatorError('BL_ERR_EMULATOR_DUPLICATE', `${member.userId} is already in guild ${guildId}`);
    }
    this.state.putMember(guild, member);
    this.#dispatchIfBotIn(guild, 'GUILD_MEMBER_ADD', { ...memberPayload(this.state, member), guild_id: guild.id }, Intent.GuildMembers);
    return member;
  }

  removeMember(guildId: string, userIdOrName: string): void {
    const guild = this.guild(guildId);
    const member = this.member(guild, userIdOrName);
    if (member.userId === this.state.botUserId) return this.botLeave(guildId);
    this.state.removeMember(guild, member.userId);
    const user = this.state.users.get(member.userId)!;
    this.#dispatchIfBotIn(guild, 'GUILD_MEMBER_REMOVE', { guild_id: guild.id, user: userPayload(user) }, Intent.GuildMembers);
  }

  updateMember(guildId: string, userIdOrName: string, update: MemberUpdateInput): MemberRecord {
    const guild = this.guild(guildId);
    const member = this.member(guild, userIdOrName);
    if (update.nick !== undefined) member.nick = update.nick;
    if (update.roles !== undefined) member.roles = update.roles.map((role) => this.role(guild, role).id);
    if (update.communicationDisabledUntil !== undefined) member.communicationDisabledUntil = update.communicationDisabledUntil;
    // GUILD_MEMBER_UPDATE about the bot itself is sent whatever the intents.
    const intent = member.userId === this.state.botUserId ? 0 : Intent.GuildMembers;
    this.#dispatchIfBotIn(guild, 'GUILD_MEMBER_UPDATE', { ...memberPayload(this.state, member), guild_id: guild.id }, intent);
    return member;
  }

  /** Adds the bot (managed role, member, BOT_ADD audit entry) and sends GUILD_CREATE to the owning shard. */
  botJoin(guildId: string, input: BotJoinInput = {}): MemberRecord {
    const guild = this.guild(guildId);
    const botId = this.state.botUserId;
    const existing = guild.members.get(botId);
    if (existing) return existing;
    const addedBy = input.addedBy === undefined ? guild.ownerId : this.user(input.addedBy).id;
    let managed = [...guild.roles.values()].find((role) => role.botId === botId);
    if (!managed) {
      managed = this.#createRole(guild, {
        name: this.core.ctx.application.name,
        permissions: toPermissions(input.permissions, DEFAULT_BOT_PERMISSIONS),
      });
      managed.managed = true;
      managed.botId = botId;
    } else if (input.permissions !== undefined) {
      managed.permissions = toPermissions(input.permissions, DEFAULT_BOT_PERMISSIONS);
    }
    const member: MemberRecord = {
      userId: botId,
      nick: null,
      roles: [managed.id],
      joinedAt: new Date().toISOString(),
      communicationDisabledUntil: null,
    };
    this.state.putMember(guild, member);
    this.addAuditEntry(guild, { actionType: AUDIT_BOT_ADD, userId: addedBy, targetId: botId });
    this.core.gateway.dispatchGuildCreate(guild.id);
    return member;
  }

  /** Removes the bot from the guild and sends GUILD_DELETE to the owning shard. */
  botLeave(guildId: string): void {
    const guild = this.guild(guildId);
    if (!guild.members.has(this.state.botUserId)) return;
    this.state.removeMember(guild, this.state.botUserId);
    this.core.gateway.dispatch(guildId, 'GUILD_DELETE', JSON.stringify({ id: guildId, unavailable: false }));
  }

  addAuditEntry(
    guild: GuildRecord,
    entry: { actionType: number; userId: string | null; targetId: string | null; reason?: string | null; changes?: unknown[] },
  ): AuditLogEntryRecord {
    const record: AuditLogEntryRecord = {
      id: this.core.ctx.snowflakes.next(),
      actionType: entry.actionType,
      userId: entry.userId,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      changes: entry.changes ?? [],
    };
    guild.auditLog.push(record);
    return record;
  }

  #dispatchIfBotIn(guild: GuildRecord, type: string, payload: unknown, intent: number): void {
    if (this.state.botIsIn(guild.id)) this.core.gateway.dispatch(guild.id, type, JSON.stringify(payload), intent);
  }

  #createRole(guild: GuildRecord, input: RoleInput): RoleRecord {
    const role: RoleRecord = {
      id: input.id ?? this.core.ctx.snowflakes.next(),
      name: input.name,
      permissions: toPermissions(input.permissions, 0n),
      position: input.position ?? guild.roles.size,
      color: input.color ?? 0,
      hoist: input.hoist ?? false,
      managed: false,
      mentionable: input.mentionable ?? false,
      botId: null,
    };
    guild.roles.set(role.id, role);
    return role;
  }

  #createChannel(guild: GuildRecord, input: ChannelInput): ChannelRecord {
    const channel: ChannelRecord = {
      id: input.id ?? this.core.ctx.snowflakes.next(),
      guildId: guild.id,
      type: input.type ?? 0,
      name: input.name,
      position: input.position ?? guild.channels.size,
      parentId: input.parent ? this.channel(guild, input.parent).id : null,
      topic: input.topic ?? null,
      nsfw: false,
      overwrites: (input.overwrites ?? []).map((overwrite) => ({
        id: overwrite.type === 'role' ? this.role(guild, overwrite.id).id : this.user(overwrite.id).id,
        type: overwrite.type === 'role' ? 0 : 1,
        allow: toPermissions(overwrite.allow, 0n),
        deny: toPermissions(overwrite.deny, 0n),
      })),
      lastMessageId: null,
      recipientIds: [],
    };
    guild.channels.set(channel.id, channel);
    this.state.channels.set(channel.id, channel);
    return channel;
  }

  #memberRecord(guild: GuildRecord, input: MemberInput): MemberRecord {
    return {
      userId: this.user(input.user).id,
      nick: input.nick ?? null,
      roles: (input.roles ?? []).map((role) => this.role(guild, role).id),
      joinedAt: input.joinedAt ?? new Date().toISOString(),
      communicationDisabledUntil: null,
    };
  }
}
