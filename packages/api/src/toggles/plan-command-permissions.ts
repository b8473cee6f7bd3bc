import type { DiscordCommandPermission } from '../discord/discord-rest.js';

/** Discord's limit of overwrites per command and guild. */
export const MAX_COMMAND_PERMISSIONS = 100;

/**
 * The overwrites a command should carry so it is hidden from members (`hidden`) or shown again, starting from what
 * the guild has now. Baseline owns exactly one overwrite: `@everyone` (the role whose id is the guild id) denied.
 * Hiding adds it (replacing an `@everyone` allow) and keeps every other overwrite the guild set by hand; showing
 * removes only a denying `@everyone` overwrite. Members of a role or user the guild explicitly allowed keep seeing
 * the command, as Discord resolves role and user overwrites before `@everyone`; the bot still answers them
 * "disabled here".
 *
 * @returns the full list to PUT, `'unchanged'` when the command is already as wanted, or `'full'` when hiding would
 *   need a 101st overwrite
 */
export function planCommandPermissions(
  current: readonly DiscordCommandPermission[],
  guildId: string,
  hidden: boolean,
): DiscordCommandPermission[] | 'unchanged' | 'full' {
  const everyone = current.find((entry) => entry.type === 1 && entry.id === guildId);
  const others = current.filter((entry) => entry !== everyone);
  if (!hidden) return everyone?.permission === false ? others : 'unchanged';
  if (everyone?.permission === false) return 'unchanged';
  if (others.length >= MAX_COMMAND_PERMISSIONS) return 'full';
  return [...others, { id: guildId, type: 1, permission: false }];
}
