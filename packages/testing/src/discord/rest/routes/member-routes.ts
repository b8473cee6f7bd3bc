import { z } from 'zod';
import { AuditAction, type AuditChange } from '../../driver/audit-log.js';
import type { EmulatorCore } from '../../emulator-core.js';
import { Permission } from '../../permissions.js';
import { memberPayload, userPayload } from '../../state/payloads.js';
import type { GuildRecord, MemberRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';
import { defineRoute, type RouteDefinition, type RouteRequest } from '../route.js';
import { botGuild, requireBotPermission } from './route-helpers.js';

/** A member PATCH: `nick` (`null` or `''` clears it), `communication_disabled_until` (`null` lifts a timeout), `roles`. */
const memberEditBody = z.object({
  nick: z.string().max(32).nullish(),
  communication_disabled_until: z.string().nullish(),
  roles: z.array(z.string()).optional(),
});

type MemberEdit = z.infer<typeof memberEditBody>;

/** Guild and member of `:guild_id` / `:user_id` (`@me` = the bot), or 10004 / 50001 / 10007. */
function target(core: EmulatorCore, params: Record<string, string>): { guild: GuildRecord; member: MemberRecord } {
  const guild = botGuild(core, params['guild_id']);
  const userId = params['user_id'] ?? core.ctx.state.botUserId;
  const member = guild.members.get(userId);
  if (!member) throw Errors.unknownMember();
  return { guild, member };
}

/** `[{ id, name }]` of role ids, as MEMBER_ROLE_UPDATE's `$add`/`$remove` carry them. */
function roleList(guild: GuildRecord, ids: string[]): { id: string; name: string }[] {
  return ids.map((id) => ({ id, name: guild.roles.get(id)?.name ?? '' }));
}

/** Sets a member's roles and writes MEMBER_ROLE_UPDATE (25) with `$add`/`$remove` when they changed. */
function setRoles({ core, reason }: RouteRequest, guild: GuildRecord, member: MemberRecord, roles: string[]): void {
  for (const role of roles) if (!guild.roles.has(role)) throw Errors.unknownRole();
  const added = roles.filter((role) => !member.roles.includes(role));
  const removed = member.roles.filter((role) => !roles.includes(role));
  if (added.length === 0 && removed.length === 0) return;
  core.members.updateMember(guild.id, member.userId, { roles });
  const changes: AuditChange[] = [];
  if (added.length > 0) changes.push({ key: '$add', new_value: roleList(guild, added) });
  if (removed.length > 0) changes.push({ key: '$remove', new_value: roleList(guild, removed) });
  core.audit.addByBot(guild, { actionType: AuditAction.MemberRoleUpdate, targetId: member.userId, reason, changes });
}

/** Applies `nick` and `communication_disabled_until` of a PATCH and writes MEMBER_UPDATE (24). */
function updateMember(request: RouteRequest, guild: GuildRecord, member: MemberRecord, data: MemberEdit, self: boolean): void {
  const { core, reason } = request;
  const changes: AuditChange[] = [];
  const update: { nick?: string | null; communicationDisabledUntil?: string | null } = {};
  if (data.nick !== undefined) {
    const nick = data.nick || null;
    requireBotPermission(core, guild, self ? Permission.ChangeNickname : Permission.ManageNicknames);
    if (nick !== member.nick) changes.push({ key: 'nick', old_value: member.nick ?? undefined, new_value: nick ?? undefined });
    update.nick = nick;
  }
  if (data.communication_disabled_until !== undefined) {
    const until = data.communication_disabled_until;
    requireBotPermission(core, guild, Permission.ModerateMembers);
    changes.push({ key: 'communication_disabled_until', old_value: member.communicationDisabledUntil ?? undefined, new_value: until ?? undefined });
    update.communicationDisabledUntil = until;
  }
  if (Object.keys(update).length > 0) core.members.updateMember(guild.id, member.userId, update);
  if (changes.length > 0) {
    core.audit.addByBot(guild, { actionType: AuditAction.MemberUpdate, targetId: member.userId, reason, changes });
  }
}

/** Member changes the bot makes (roles, nick, timeout, kick, ban), each writing Discord's audit entry with the reason header. */
export const memberRoutes: RouteDefinition[] = [
  defineRoute({
    method: 'PATCH',
    path: '/guilds/:guild_id/members/@me',
    auth: 'bot',
    body: memberEditBody,
    handle: (request) => {
      const { guild, member } = target(request.core, request.params);
      updateMember(request, guild, member, request.body, true);
      return { body: memberPayload(request.core.ctx.state, member) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/guilds/:guild_id/members/:user_id',
    auth: 'bot',
    partial: 'nick, roles and timeout; no voice fields; no role-hierarchy check',
    body: memberEditBody,
    handle: (request) => {
      const { guild, member } = target(request.core, request.params);
      const { roles } = request.body;
      if (roles) {
        requireBotPermission(request.core, guild, Permission.ManageRoles);
        setRoles(request, guild, member, roles);
      }
      updateMember(request, guild, member, request.body, member.userId === request.core.ctx.state.botUserId);
      return { body: memberPayload(request.core.ctx.state, member) };
    },
  }),
  {
    method: 'PUT',
    path: '/guilds/:guild_id/members/:user_id/roles/:role_id',
    auth: 'bot',
    handle: (request) => {
      const { guild, member } = target(request.core, request.params);
      requireBotPermission(request.core, guild, Permission.ManageRoles);
      const roleId = request.params['role_id']!;
      if (!guild.roles.has(roleId)) throw Errors.unknownRole();
      if (!member.roles.includes(roleId)) setRoles(request, guild, member, [...member.roles, roleId]);
      return {};
    },
  },
  {
    method: 'DELETE',
    path: '/guilds/:guild_id/members/:user_id/roles/:role_id',
    auth: 'bot',
    handle: (request) => {
      const { guild, member } = target(request.core, request.params);
      requireBotPermission(request.core, guild, Permission.ManageRoles);
      const roleId = request.params['role_id']!;
      if (!guild.roles.has(roleId)) throw Errors.unknownRole();
      setRoles(
        request,
        guild,
        member,
        member.roles.filter((role) => role !== roleId),
      );
      return {};
    },
  },
  {
    method: 'DELETE',
    path: '/guilds/:guild_id/members/:user_id',
    auth: 'bot',
    handle: (request) => {
      const { core, reason } = request;
      const { guild, member } = target(core, request.params);
      requireBotPermission(core, guild, Permission.KickMembers);
      core.members.removeMember(guild.id, member.userId);
      core.audit.addByBot(guild, { actionType: AuditAction.MemberKick, targetId: member.userId, reason });
      return {};
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/bans',
    auth: 'bot',
    handle: ({ core, params }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.BanMembers);
      return { body: [...guild.bans].map(([userId, reason]) => banPayload(core, userId, reason)) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/bans/:user_id',
    auth: 'bot',
    handle: ({ core, params }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.BanMembers);
      const userId = params['user_id']!;
      if (!guild.bans.has(userId)) throw Errors.unknownBan();
      return { body: banPayload(core, userId, guild.bans.get(userId) ?? null) };
    },
  },
  {
    method: 'PUT',
    path: '/guilds/:guild_id/bans/:user_id',
    auth: 'bot',
    handle: ({ core, params, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.BanMembers);
      const user = core.ctx.state.users.get(params['user_id']!);
      if (!user) throw Errors.unknownUser();
      core.members.ban(guild, user.id, reason);
      core.audit.addByBot(guild, { actionType: AuditAction.MemberBanAdd, targetId: user.id, reason });
      return {};
    },
  },
  {
    method: 'DELETE',
    path: '/guilds/:guild_id/bans/:user_id',
    auth: 'bot',
    handle: ({ core, params, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.BanMembers);
      const userId = params['user_id']!;
      if (!guild.bans.has(userId)) throw Errors.unknownBan();
      core.members.unban(guild, userId);
      core.audit.addByBot(guild, { actionType: AuditAction.MemberBanRemove, targetId: userId, reason });
      return {};
    },
  },
];

function banPayload(core: EmulatorCore, userId: string, reason: string | null): Record<string, unknown> {
  const user = core.ctx.state.users.get(userId);
  return { reason, user: user ? userPayload(user) : { id: userId, username: 'unknown', discriminator: '0' } };
}
