import { createHash } from 'node:crypto';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { normalizeCommand } from './normalize-command.js';

/** How long a scope counts as in sync after a successful sync, in milliseconds. */
export const DEFAULT_COMMAND_SYNC_MARKER_TTL_MS = 3_600_000;

/**
 * The kv key recording that a scope (global, or one guild) of an application was synced. Its value is the
 * {@link commandSetHash} of the commands it was synced to.
 */
export function commandSyncMarkerKey(applicationId: string, guildId: string | null): string {
  return `commands-sync:done:${applicationId}:${guildId ?? 'global'}`;
}

/**
 * A digest of a command set, equal for sets that would sync to the same registry: each command normalized
 * (Discord's defaults explicit, keys sorted) and the set taken in a fixed order, so declaring the same
 * commands in another order or with defaults spelled out gives the same hash.
 */
export function commandSetHash(commands: readonly RESTPostAPIApplicationCommandsJSONBody[]): string {
  const normalized = commands.map((body) => normalizeCommand(body as unknown as Record<string, unknown>)).sort();
  return createHash('sha256').update(JSON.stringify(normalized)).digest('hex');
}
