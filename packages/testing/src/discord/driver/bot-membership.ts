import type { EmulatorCore } from '../emulator-core.js';
import type { MemberRecord } from '../state/records.js';
import { AuditAction } from './audit-log.js';
import { toPermissions, type BotJoinInput } from './inputs.js';
import { createRole } from './role-actions.js';

/**
 * Default permissions of the bot's managed role: view, send, embed, history, VIEW_AUDIT_LOG, use commands,
 * ADD_REACTIONS, CREATE_PUBLIC_THREADS and SEND_MESSAGES_IN_THREADS.
 */
export const DEFAULT_BOT_PERMISSIONS = 311_385_214_144n;

/** The bot joining and leaving guilds: its managed role, member, audit entry and GUILD_CREATE/GUILD_DELETE. */
export class BotMembership {
  constructor(private readonly core: EmulatorCore) {}

  /** Adds the bot (managed role, member, BOT_ADD audit entry) and sends GUILD_CREATE to the owning shard. */
  botJoin(guildId: string, input: BotJoinInput = {}): MemberRecord {
    const { guilds, ctx } = this.core;
    const guild = guilds.guild(guildId);
    const botId = ctx.state.botUserId;
    const existing = guild.members.get(botId);
    if (existing) return existing;
    const addedBy = input.addedBy === undefined ? guild.ownerId : guilds.user(input.addedBy).id;
    let managed = [...guild.roles.values()].find((role) => role.botId === botId);
    if (!managed) {
      managed = createRole(this.core, guild, {
        name: ctx.application.name,
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
    ctx.state.putMember(guild, member);
    this.core.audit.add(guild, { actionType: AuditAction.BotAdd, userId: addedBy, targetId: botId });
    this.core.gateway.dispatchGuildCreate(guild.id);
    return member;
  }

  /** Removes the bot from the guild and sends GUILD_DELETE to the owning shard. */
  botLeave(guildId: string): void {
    const { state } = this.core.ctx;
    const guild = this.core.guilds.guild(guildId);
    if (!guild.members.has(state.botUserId)) return;
    state.removeMember(guild, state.botUserId);
    this.core.gateway.dispatch(guildId, 'GUILD_DELETE', JSON.stringify({ id: guildId, unavailable: false }));
  }
}
