import { AuditAction, type AuditChange } from '../../driver/audit-log.js';
import type { RoleEdit } from '../../driver/role-actions.js';
import { Permission } from '../../permissions.js';
import { rolePayload } from '../../state/payloads.js';
import { Errors } from '../api-error.js';
import type { RouteDefinition } from '../route.js';
import { botGuild, requireBotPermission } from './route-helpers.js';

type Body = Record<string, unknown>;

/** The fields of a role body (POST or PATCH) as a {@link RoleEdit}. */
function roleEdit(data: Body): RoleEdit {
  const edit: RoleEdit = {};
  if (typeof data['name'] === 'string') {
    if (data['name'].length > 100) throw Errors.invalidForm('name', 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
    edit.name = data['name'];
  }
  if (data['permissions'] !== undefined && data['permissions'] !== null) {
    try {
      edit.permissions = BigInt(String(data['permissions']));
    } catch {
      throw Errors.invalidForm('permissions', 'NUMBER_TYPE_COERCE', `Value "${String(data['permissions'])}" is not snowflake.`);
    }
  }
  if (typeof data['color'] === 'number') edit.color = data['color'];
  if (typeof data['hoist'] === 'boolean') edit.hoist = data['hoist'];
  if (typeof data['mentionable'] === 'boolean') edit.mentionable = data['mentionable'];
  return edit;
}

/** Audit `changes` of a role edit: `permissions` as decimal strings, like Discord. */
function roleChanges(before: Record<string, unknown>, edit: RoleEdit): AuditChange[] {
  const after: Record<string, unknown> = {
    name: edit.name,
    permissions: edit.permissions?.toString(),
    color: edit.color,
    hoist: edit.hoist,
    mentionable: edit.mentionable,
  };
  return Object.entries(after).flatMap(([key, value]) =>
    value === undefined || value === before[key] ? [] : [{ key, ...(before[key] === undefined ? {} : { old_value: before[key] }), new_value: value }],
  );
}

/** Creating, editing and deleting roles (MANAGE_ROLES), with ROLE_CREATE/UPDATE/DELETE audit entries. */
export const roleRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/guilds/:guild_id/roles',
    auth: 'bot',
    partial: 'no icon or position; no role-hierarchy check',
    handle: ({ core, params, body, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ManageRoles);
      const edit = roleEdit((body ?? {}) as Body);
      const role = core.roles.addRole(guild.id, { name: edit.name ?? 'new role', ...edit });
      const changes = roleChanges({}, { ...edit, name: role.name, permissions: role.permissions });
      core.audit.add(guild, { actionType: AuditAction.RoleCreate, userId: core.ctx.state.botUserId, targetId: role.id, reason, changes });
      return { body: rolePayload(role) };
    },
  },
  {
    method: 'PATCH',
    path: '/guilds/:guild_id/roles/:role_id',
    auth: 'bot',
    partial: 'no icon or position; no role-hierarchy check',
    handle: ({ core, params, body, reason }) => {
      const guild = botGuild(core, params['guild_id']);
      requireBotPermission(core, guild, Permission.ManageRoles);
      const role = guild.roles.get(params['role_id']!);
      if (!role) throw Errors.unknownRole();
      const edit = roleEdit((body ?? {}) as Body);
      const before = rolePayload(role);
      core.roles.editRole(guild, role, edit);
      core.audit.add(guild, {
        actionType: AuditAction.RoleUpdate,
        userId: core.ctx.state.botUserId,
        targetId: role.id,
        reason,
        changes: roleChanges(before, edit),
      });
      return { body: rolePayload(role) };
    },
  },
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
      core.audit.add(guild, {
        actionType: AuditAction.RoleDelete,
        userId: core.ctx.state.botUserId,
        targetId: role.id,
        reason,
        changes: [
          { key: 'name', old_value: role.name },
          { key: 'permissions', old_value: role.permissions.toString() },
        ],
      });
      return {};
    },
  },
];
