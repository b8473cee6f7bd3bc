import { randomBytes } from 'node:crypto';
import type { KeyValueStore } from '@baseline/core';

/** Key-value prefix of a user's access version (see {@link renewAccessVersions}). */
export const USER_ACCESS_VERSION_PREFIX = 'api:user-access:';

/** Key-value key of a guild's access version (see {@link renewAccessVersions}). */
export function guildAccessVersionKey(guildId: string): string {
  return `api:guild-access:${guildId}`;
}

/** Key-value key of a user's access version (see {@link renewAccessVersions}). */
export function userAccessVersionKey(userId: string): string {
  return `${USER_ACCESS_VERSION_PREFIX}${userId}`;
}

/**
 * Stores fresh access versions for a guild and the user whose grant changed, once the change is committed. The
 * request gate reads both in the same Redis round trip as the session, so every instance drops what it cached
 * for them with its next request. Versions are random tokens, not counters: a counter that expired and started
 * again could repeat a value an instance still holds. They outlive any cache entry (`minTtlMs`) for the same
 * reason.
 */
export async function renewAccessVersions(kv: KeyValueStore, change: { guildId: string; userId: string }, minTtlMs: number): Promise<void> {
  const ttlMs = Math.max(86_400_000, minTtlMs * 2);
  await Promise.all([
    kv.set(guildAccessVersionKey(change.guildId), randomBytes(12).toString('base64url'), { ttlMs }),
    kv.set(userAccessVersionKey(change.userId), randomBytes(12).toString('base64url'), { ttlMs }),
  ]);
}
