import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import { rolePayload } from '../state/payloads.js';
import type { GuildRecord, RoleRecord } from '../state/records.js';
import { dispatchIfBotIn } from './dispatch-if-bot-in.js';
import { toPermissions, type PermissionsInput, type RoleInput } from './inputs.js';

/** Role changes, each with the gateway event Discord sends. */
export class RoleActions {
  constructor(private readonly core: EmulatorCore) {}

  addRole(guildId: string, input: RoleInput): RoleRecord {
    const guild = this.core.guilds.guild(guildId);
    const role = createRole(this.core, guild, input);
    dispatchIfBotIn(this.core, guild, 'GUILD_ROLE_CREATE', { guild_id: guild.id, role: rolePayload(role) }, Intent.Guilds);
    return role;
  }

  /** Changes a role's fields (GUILD_ROLE_UPDATE). */
  editRole(guild: GuildRecord, role: RoleRecord, edit: RoleEdit): RoleRecord {
    if (edit.name !== undefined) role.name = edit.name;
    if (edit.permissions !== undefined) role.permissions = edit.permissions;
    if (edit.color !== undefined) role.color = edit.color;
    if (edit.hoist !== undefined) role.hoist = edit.hoist;
    if (edit.mentionable !== undefined) role.mentionable = edit.mentionable;
    dispatchIfBotIn(this.core, guild, 'GUILD_ROLE_UPDATE', { guild_id: guild.id, role: rolePayload(role) }, Intent.Guilds);
    return role;
  }

  /** Deletes a role, taking it from every member (GUILD_ROLE_DELETE). */
  deleteRole(guild: GuildRecord, role: RoleRecord): void {
    guild.roles.delete(role.id);
    for (const member of guild.members.values()) {
      if (member.roles.includes(role.id)) member.roles = member.roles.filter((id) => id !== role.id);
    }
    dispatchIfBotIn(this.core, guild, 'GUILD_ROLE_DELETE', { guild_id: guild.id, role_id: role.id }, Intent.Guilds);
  }

  /** Changes a role's permissions (GUILD_ROLE_UPDATE). */
  setRolePermissions(guildId: string, roleIdOrName: string, permissions: PermissionsInput): RoleRecord {
    const guild = this.core.guilds.guild(guildId);
    const role = this.core.guilds.role(guild, roleIdOrName);
    role.permissions = toPermissions(permissions, 0n);
    dispatchIfBotIn(this.core, guild, 'GUILD_ROLE_UPDATE', { guild_id: guild.id, role: rolePayload(role) }, Intent.Guilds);
    return role;
  }
}

/** Fields of a role an edit may change. */
export interface RoleEdit {
  name?: string;
  permissions?: bigint;
  color?: number;
  hoist?: boolean;
  mentionable?: boolean;
}

/** Stores a new unmanaged role in `guild` without any event. */
export function createRole(core: EmulatorCore, guild: GuildRecord, input: RoleInput): RoleRecord {
  const role: RoleRecord = {
    id: input.id ?? core.ctx.snowflakes.next(),
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
