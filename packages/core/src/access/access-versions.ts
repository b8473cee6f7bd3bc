import { randomBytes } from 'node:crypto';
import type { KeyValueStore } from '../kv/key-value-store.js';

/** Key-value prefix of a user's access version (see {@link bumpAccessVersions}). */
export const USER_ACCESS_VERSION_PREFIX = 'api:user-access:';

/** Key-value prefix of a guild's access version (see {@link bumpAccessVersions}). */
export const GUILD_ACCESS_VERSION_PREFIX = 'api:guild-access:';

/** Key-value key of a guild's access version (see {@link bumpAccessVersions}). */
export function guildAccessVersionKey(guildId: string): string {
  return `${GUILD_ACCESS_VERSION_PREFIX}${guildId}`;
}

/** Key-value key of a user's access version (see {@link bumpAccessVersions}). */
export function userAccessVersionKey(userId: string): string {
  return `${USER_ACCESS_VERSION_PREFIX}${userId}`;
}

/** What changed: the guilds whose grants or state changed, and the users whose grants or guild list changed. */
export interface AccessChange {
  guildIds?: Iterable<string>;
  userIds?: Iterable<string>;
}

/** Options of {@link bumpAccessVersions}. */
export interface BumpAccessVersionsOptions {
  /**
   * The versions live at least twice this long, in milliseconds (pass the longest time a reader caches by version).
   * @default 43_200_000 (so they live at least one day)
   */
  minTtlMs?: number;
}

/**
 * Stores fresh access versions for guilds and users after a committed change that concerns their access: a grant
 * or revocation, a guild joined, left, re-joined or renamed, an initial authorized user transferred. Every API
 * instance reads these versions with each request and drops what it cached for them, so the change holds
 * everywhere from the next request on, whichever process made it (the API, the bot).
 *
 * Versions are random tokens, not counters: a counter that expired and started again could repeat a value an
 * instance still holds. They outlive any cache entry (`minTtlMs`) for the same reason.
 *
 * @param kv - the deployment's key-value store (shared by the bot and the API)
 * @param change - the guilds and users concerned; duplicates are bumped once
 * @param options - see {@link BumpAccessVersionsOptions}
 * @example
 * ```ts
 * await markGuildInactive(db, guildId);
 * await bumpAccessVersions(kv, { guildIds: [guildId], userIds: usersWithGrants });
 * ```
 */
export async function bumpAccessVersions(kv: KeyValueStore, change: AccessChange, options: BumpAccessVersionsOptions = {}): Promise<void> {
  const ttlMs = Math.max(86_400_000, (options.minTtlMs ?? 0) * 2);
  const keys = new Set([...[...(change.guildIds ?? [])].map(guildAccessVersionKey), ...[...(change.userIds ?? [])].map(userAccessVersionKey)]);
  await Promise.all([...keys].map((key) => kv.set(key, randomBytes(12).toString('base64url'), { ttlMs })));
}
