import { createTurnBatcher, listAccessibleGuilds, listAuthorizedGuildsOfUsers, type Database } from '@baseline/core';
import { LRUCache } from 'lru-cache';
import { accessibleGuildView, type AccessibleGuild } from './accessible-guilds.js';

/**
 * `GET /guilds` answers cached per process, per user, valid only while the user's access version (read by the
 * request gate) is unchanged. Grants and revocations through the API, and the bot's joins, leaves, rejoins and
 * renames (which bump the version of every user with a grant in that guild), show on every instance with the next
 * request. The developer team's lists (every active guild) are never cached: no per-user version follows them.
 */
export interface AccessibleGuildsCache {
  /** The guilds `userId` may open, for the access version read with this request. */
  of(userId: string, developer: boolean, version: string): Promise<readonly AccessibleGuild[]>;
  /**
   * The guilds `userId` may open, read from PostgreSQL now (never from the cache), for `/auth/me`, the login and an
   * uncached `GET /guilds`. The reads of users other than the developer team made in the same turn of the event loop
   * share one query (core's `listAuthorizedGuildsOfUsers`): each still starts after its request arrived, so it sees
   * every grant committed before.
   */
  read(userId: string, developer: boolean): Promise<AccessibleGuild[]>;
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

/** Most users whose lists one query reads; more wait for the next one. */
const BATCH_MAX = 256;

export function createAccessibleGuildsCache(db: Database, { ttlMs, maxEntries = 10_000 }: AccessibleGuildsCacheOptions): AccessibleGuildsCache {
  const entries = ttlMs > 0 ? new LRUCache<string, Entry>({ max: maxEntries, ttl: ttlMs }) : undefined;
  // The calls of one turn share one query (each a fresh read). A failed batch is read again user by user, so one
  // bad id fails only its own request.
  const authorized = createTurnBatcher<string, AccessibleGuild[]>(
    async (userIds) => {
      const lists = await listAuthorizedGuildsOfUsers(db, [...new Set(userIds)]);
      return userIds.map((userId) => lists.get(userId)!.map(accessibleGuildView));
    },
    { maxBatchSize: BATCH_MAX, alone: (userId) => alone(userId, false), aloneAfter: () => true },
  );

  async function alone(userId: string, developer: boolean): Promise<AccessibleGuild[]> {
    return (await listAccessibleGuilds(db, userId, developer)).map(accessibleGuildView);
  }

  const read = (userId: string, developer: boolean) => (developer ? alone(userId, true) : authorized.load(userId));

  return {
    read,
    async of(userId, developer, version) {
      if (developer) return read(userId, true);
      const entry = entries?.get(userId);
      if (entry !== undefined && entry.version === version) return entry.guilds;
      const guilds = await read(userId, false);
      entries?.set(userId, { guilds, version });
      return guilds;
    },
  };
}
