import type { Database } from '@baseline/core';
import { LRUCache } from 'lru-cache';
import { accessibleGuilds, type AccessibleGuild } from './accessible-guilds.js';

/**
 * `GET /guilds` answers cached per process, per user, valid only while the user's access version (read by the
 * request gate) is unchanged. Grants and revocations through the API, and the bot's joins, leaves, rejoins and
 * renames (which bump the version of every user with a grant in that guild), show on every instance with the next
 * request. The developer team's lists (every active guild) are never cached: no per-user version follows them.
 */
export interface AccessibleGuildsCache {
  /** The guilds `userId` may open, for the access version read with this request. */
  of(userId: string, developer: boolean, version: string): Promise<readonly AccessibleGuild[]>;
}

interface Entry {
  guilds: readonly AccessibleGuild[];
  version: string;
}

/** Options of {@link createAccessibleGuildsCache}. */
export interface AccessibleGuildsCacheOptions {
  /** How long an answer is reused at most, in milliseconds; `0` disables the cache. */
  ttlMs: number;
  /**
   * Most cached users; the least recently used are dropped first.
   * @default 10_000
   */
  maxEntries?: number;
}

export function createAccessibleGuildsCache(db: Database, { ttlMs, maxEntries = 10_000 }: AccessibleGuildsCacheOptions): AccessibleGuildsCache {
  const entries = ttlMs > 0 ? new LRUCache<string, Entry>({ max: maxEntries, ttl: ttlMs }) : undefined;
  return {
    async of(userId, developer, version) {
      if (developer) return accessibleGuilds(db, userId, true);
      const entry = entries?.get(userId);
      if (entry !== undefined && entry.version === version) return entry.guilds;
      const guilds = await accessibleGuilds(db, userId, false);
      entries?.set(userId, { guilds, version });
      return guilds;
    },
  };
}
