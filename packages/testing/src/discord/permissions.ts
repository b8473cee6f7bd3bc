/** Permission bits the emulator checks itself; the full set lives in {@link ALL_PERMISSIONS}. */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewAuditLog: 1n << 7n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ChangeNickname: 1n << 26n,
  ManageNicknames: 1n << 27n,
  ManageRoles: 1n << 28n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
} as const;

/**
 * Every defined permission flag OR-ed together (bits 0–53 except 48), equal to discord.js 14.28's
 * `PermissionsBitField.All`, so "all permissions" means the same number on both sides.
 */
export const ALL_PERMISSIONS = 8_866_461_766_385_663n;

/**
 * `@everyone` permissions of an emulated guild unless the seed says otherwise: VIEW_CHANNEL, SEND_MESSAGES,
 * READ_MESSAGE_HISTORY and USE_APPLICATION_COMMANDS (no moderation rights, no VIEW_AUDIT_LOG).
 */
export const DEFAULT_EVERYONE_PERMISSIONS = 2_147_552_256n;

/** A channel permission overwrite as stored by the emulator (`type` 0 = role, 1 = member). */
export interface PermissionOverwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

/** What permission computation needs to know about a guild. */
export interface PermissionGuildView {
  id: string;
  ownerId: string;
  rolePermissions(roleId: string): bigint | undefined;
}

/**
 * Guild-level permissions as Discord computes them: owner → all; else `@everyone` OR every member role;
 * ADMINISTRATOR → all.
 */
export function computeBasePermissions(guild: PermissionGuildView, userId: string, roleIds: readonly string[]): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  let permissions = guild.rolePermissions(guild.id) ?? 0n;
  for (const roleId of roleIds) permissions |= guild.rolePermissions(roleId) ?? 0n;
  return (permissions & Permission.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
}

/** Applies channel overwrites to base permissions (`@everyone`, then roles combined, then the member). */
export function applyOverwrites(base: bigint, guildId: string, userId: string, roleIds: readonly string[], overwrites: readonly PermissionOverwrite[]): bigint {
  if ((base & Permission.Administrator) !== 0n || base === ALL_PERMISSIONS) return base;
  let permissions = base;
  const everyone = overwrites.find((overwrite) => overwrite.id === guildId);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && roleIds.includes(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = overwrites.find((overwrite) => overwrite.type === 1 && overwrite.id === userId);
  if (own) permissions = (permissions & ~own.deny) | own.allow;
  return permissions;
}
