import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import { DEFAULT_EVERYONE_PERMISSIONS } from '../permissions.js';
import { channelPayload } from '../state/payloads.js';
import type { ChannelRecord, GuildRecord, MemberRecord, RoleRecord, UserRecord } from '../state/records.js';
import { dispatchIfBotIn } from './dispatch-if-bot-in.js';
import { toPermissions, type ChannelInput, type GuildInput, type UserInput } from './inputs.js';
import { memberRecord } from './member-actions.js';
import { createRole } from './role-actions.js';

/**
 * Lookups by id or name (coded errors when missing), and changes on users, guilds, channels and the audit
 * log, each with the gateway events Discord sends. Roles, members and the bot's membership have their own
 * actions (`RoleActions`, `MemberActions`, `BotMembership`).
 */
export class GuildActions {
  constructor(private readonly core: EmulatorCore) {}

  private get state() {
    return this.core.ctx.state;
  }

  /** The guild with this id, or a coded error. */
  guild(guildId: string): GuildRecord {
    const guild = this.state.guilds.get(guildId);
    if (!guild) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownGuild, `no guild ${guildId}`);
    return guild;
  }

  /** The user with this id or username, or a coded error. */
  user(idOrName: string): UserRecord {
    const user = this.state.findUser(idOrName);
    if (!user) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownUser, `no user "${idOrName}"`);
    return user;
  }

  role(guild: GuildRecord, idOrName: string): RoleRecord {
    const role = this.state.findRole(guild, idOrName);
    if (!role) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownRole, `no role "${idOrName}" in guild ${guild.id}`);
    return role;
  }

  channel(guild: GuildRecord, idOrName: string): ChannelRecord {
    const channel = this.state.findChannel(guild, idOrName);
    if (!channel) {
      throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownChannel, `no channel "${idOrName}" in guild ${guild.id}`);
    }
    return channel;
  }

  member(guild: GuildRecord, userIdOrName: string): MemberRecord {
    const user = this.user(userIdOrName);
    const member = guild.members.get(user.id);
    if (!member) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.unknownMember, `${user.username} is not in guild ${guild.id}`);
    return member;
  }

  addUser(input: UserInput): UserRecord {
    const id = input.id ?? this.core.ctx.snowflakes.next();
    if (this.state.users.has(id)) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.duplicate, `user ${id} exists`);
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
    if (this.state.guilds.has(id)) throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.duplicate, `guild ${id} exists`);
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
      threads: new Map(),
      members: new Map(),
      bans: new Map(),
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
    for (const role of input.roles ?? []) createRole(this.core, guild, role);
    for (const channel of input.channels ?? [{ name: 'general' }]) this.#createChannel(guild, channel);
    guild.systemChannelId = guild.channels.values().next().value?.id ?? null;
    this.state.putMember(guild, memberRecord(this.core, guild, { user: owner.id }));
    for (const member of input.members ?? []) {
      const record = memberRecord(this.core, guild, member);
      if (!guild.members.has(record.userId)) this.state.putMember(guild, record);
    }
    if (input.bot !== false) this.core.botMembership.botJoin(id, input.bot === true || input.bot === undefined ? {} : input.bot);
    return guild;
  }

  /** Deletes a guild; the bot's shard gets GUILD_DELETE if the bot was in it. */
  removeGuild(guildId: string): void {
    const guild = this.guild(guildId);
    const botWasIn = this.state.botIsIn(guildId);
    for (const channelId of [...guild.channels.keys(), ...guild.threads.keys()]) {
      this.state.channels.delete(channelId);
      this.state.channelMessages.delete(channelId);
    }
    this.state.botGuildIds.delete(guildId);
    this.state.guilds.delete(guildId);
    if (botWasIn) this.core.gateway.dispatch(guildId, 'GUILD_DELETE', JSON.stringify({ id: guildId }));
  }

  addChannel(guildId: string, input: ChannelInput): ChannelRecord {
    const guild = this.guild(guildId);
    const channel = this.#createChannel(guild, input);
    dispatchIfBotIn(this.core, guild, 'CHANNEL_CREATE', channelPayload(channel), Intent.Guilds);
    return channel;
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
      thread: null,
    };
    guild.channels.set(channel.id, channel);
    this.state.channels.set(channel.id, channel);
    return channel;
  }
}
