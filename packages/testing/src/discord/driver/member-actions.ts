import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';
import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import { memberPayload, userPayload } from '../state/payloads.js';
import type { GuildRecord, MemberRecord } from '../state/records.js';
import { dispatchIfBotIn } from './dispatch-if-bot-in.js';
import type { MemberInput, MemberUpdateInput } from './inputs.js';

/** Member changes, each with the gateway event Discord sends. */
export class MemberActions {
  constructor(private readonly core: EmulatorCore) {}

  private get state() {
    return this.core.ctx.state;
  }

  addMember(guildId: string, input: MemberInput): MemberRecord {
    const guild = this.core.guilds.guild(guildId);
    const member = memberRecord(this.core, guild, input);
    if (guild.members.has(member.userId)) {
      throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.duplicate, `${member.userId} is already in guild ${guildId}`);
    }
    this.state.putMember(guild, member);
    dispatchIfBotIn(this.core, guild, 'GUILD_MEMBER_ADD', { ...memberPayload(this.state, member), guild_id: guild.id }, Intent.GuildMembers);
    return member;
  }

  removeMember(guildId: string, userIdOrName: string): void {
    const guild = this.core.guilds.guild(guildId);
    const member = this.core.guilds.member(guild, userIdOrName);
    if (member.userId === this.state.botUserId) return this.core.botMembership.botLeave(guildId);
    this.state.removeMember(guild, member.userId);
    const user = this.state.users.get(member.userId)!;
    dispatchIfBotIn(this.core, guild, 'GUILD_MEMBER_REMOVE', { guild_id: guild.id, user: userPayload(user) }, Intent.GuildMembers);
  }

  /** Bans a user: removes the member if present (GUILD_MEMBER_REMOVE), then GUILD_BAN_ADD. */
  ban(guild: GuildRecord, userId: string, reason: string | null): void {
    if (guild.members.has(userId)) this.removeMember(guild.id, userId);
    guild.bans.set(userId, reason);
    const user = this.state.users.get(userId);
    dispatchIfBotIn(this.core, guild, 'GUILD_BAN_ADD', { guild_id: guild.id, user: user ? userPayload(user) : { id: userId } }, Intent.GuildModeration);
  }

  /** Lifts a ban (GUILD_BAN_REMOVE). */
  unban(guild: GuildRecord, userId: string): void {
    if (!guild.bans.delete(userId)) return;
    const user = this.state.users.get(userId);
    dispatchIfBotIn(this.core, guild, 'GUILD_BAN_REMOVE', { guild_id: guild.id, user: user ? userPayload(user) : { id: userId } }, Intent.GuildModeration);
  }

  updateMember(guildId: string, userIdOrName: string, update: MemberUpdateInput): MemberRecord {
    const guild = this.core.guilds.guild(guildId);
    const member = this.core.guilds.member(guild, userIdOrName);
    if (update.nick !== undefined) member.nick = update.nick;
    if (update.roles !== undefined) member.roles = update.roles.map((role) => this.core.guilds.role(guild, role).id);
    if (update.communicationDisabledUntil !== undefined) member.communicationDisabledUntil = update.communicationDisabledUntil;
    // GUILD_MEMBER_UPDATE about the bot itself is sent whatever the intents.
    const intent = member.userId === this.state.botUserId ? 0 : Intent.GuildMembers;
    dispatchIfBotIn(this.core, guild, 'GUILD_MEMBER_UPDATE', { ...memberPayload(this.state, member), guild_id: guild.id }, intent);
    return member;
  }
}

/** A member record for `input`, its user and roles resolved by id or name; not stored. */
export function memberRecord(core: EmulatorCore, guild: GuildRecord, input: MemberInput): MemberRecord {
  return {
    userId: core.guilds.user(input.user).id,
    nick: input.nick ?? null,
    roles: (input.roles ?? []).map((role) => core.guilds.role(guild, role).id),
    joinedAt: input.joinedAt ?? new Date().toISOString(),
    communicationDisabledUntil: null,
  };
}
