import { z } from 'zod';
import { AuditAction, auditChanges } from '../../driver/audit-log.js';
import type { RoleEdit } from '../../driver/role-actions.js';
import { Permission } from '../../permissions.js';
import { rolePayload } from '../../state/payloads.js';
import type { RoleRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { omittable, snowflakeBits } from './form-fields.js';
import { botGuild, requireBotPermission } from './route-helpers.js';

/** A role body (POST or PATCH) as a {@link RoleEdit}. */
const roleBody = z
  .object({
    name: omittable(z.string().max(100)),
    permissions: omittable(snowflakeBits),
    color: omittable(z.number()),
    hoist: omittable(z.boolean()),
    mentionable: omittable(z.boolean()),
  })
  .transform(({ name, permissions, color, hoist, mentionable }): RoleEdit => ({ name, permissions, color, hoist, mentionable }));

/** The audited fields of a role, `permissions` as a decimal string, like Discord. */
function auditedRole(role: RoleEdit | RoleRecord): Record<string, unknown> {
  return { name: role.name, permissions: role.permissions?.toString(), color: role.color, hoist: role.hoist, mentionable: role.mentionable };
}

/** Creating, editing and deleting roles (MANAGE_ROLES), with ROLE_CREATE/UPDATE/DELETE audit entries. */
export const roleRoutes: RouteDefinition[] = [
  defineRoute({
    method: 'POST',
    path: '/guilds/:guild_id/roles',
    auth: 'bot',
    partial: 'no icon or position; no role-hierarchy check',
    body: roleBody,
    handle: ({ core, params, body: edit, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ManageRoles);
      const role = core.roles.addRole(guild.id, { ...edit, name: edit.name ?? 'new role' });
      const changes = auditChanges({}, { ...auditedRole(edit), name: role.name, permissions: role.permissions.toString() });
      core.audit.addByBot(guild, { actionType: AuditAction.RoleCreate, targetId: role.id, reason, changes });
      return { body: rolePayload(role) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/guilds/:guild_id/roles/:role_id',
    auth: 'bot',
    partial: 'no icon or position; no role-hierarchy check',
    body: roleBody,
    handle: ({ core, params, body: edit, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ManageRoles);
      const role = guild.roles.get(params['role_id']!);
      if (!role) throw Errors.unknownRole();
      const changes = auditChanges(auditedRole(role), auditedRole(edit));
      core.roles.editRole(guild, role, edit);
      core.audit.addByBot(guild, { actionType: AuditAction.RoleUpdate, targetId: role.id, reason, changes });
      return { body: rolePayload(role) };
    },
  }),
  {
    method: 'DELETE',
    path: '/guilds/:guild_id/roles/:role_id',
    auth: 'bot',
    handle: ({ core, params, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ManageRoles);
      const role = guild.roles.get(params['role_id']!);
      if (!role) throw Errors.unknownRole();
      if (role.managed || role.id === guild.id) throw Errors.invalidForm('role_id', 'ROLE_INVALID', 'Cannot delete this role');
      core.roles.deleteRole(guild, role);
      const changes = [
        { key: 'name', old_value: role.name },
        { key: 'permissions', old_value: role.permissions.toString() },
      ];
      core.audit.addByBot(guild, { actionType: AuditAction.RoleDelete, targetId: role.id, reason, changes });
      return {};
    },
  },
];
