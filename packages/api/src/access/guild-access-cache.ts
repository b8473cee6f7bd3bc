import { bumpAccessVersions, readGuildAccessFacts, type Database, type GuildAccessFacts, type KeyValueStore } from '@baseline/core';
import { LRUCache } from 'lru-cache';

/** Where a guild's access facts came from. */
export interface GuildAccessRead {
  facts: GuildAccessFacts | undefined;
  /** Served from this process's cache: a denial from cached facts must be confirmed with {@link GuildAccessCache.load}. */
  cached: boolean;
}

/**
 * Guild access facts cached per process, keyed by guild and valid only while the guild's access version (see
 * core's `bumpAccessVersions`, read by the request gate) is unchanged. What stays correct across instances:
 * - grants and revocations through the API, and the bot's joins, leaves, rejoins, initial grants and transfers
 *   and member-leave revocations, change the version, so every instance reloads on its next request;
 * - a denial from cached facts is re-read from PostgreSQL before it is answered, so a grant written by hand is
 *   never refused from the cache;
 * - what can stay stale is an allow after a change written to PostgreSQL by something that does not bump the
 *   version (a manual SQL update), for at most the TTL.
 */
export interface GuildAccessCache {
  /** The facts for `version` (as read by the gate before this call), from the cache or PostgreSQL. */
  read(guildId: string, version: string): Promise<GuildAccessRead>;
  /**
   * Whether this process holds `userId` as an active authorized user of an active guild, whatever the version (a
   * hint for counting rate limits early, never for access).
   */
  holdsAuthorized(guildId: string, userId: string): boolean;
  /** Reads PostgreSQL and caches the answer for `version`. */
  load(guildId: string, version: string): Promise<GuildAccessFacts | undefined>;
  /**
   * Announces a committed grant or revocation to every instance (new versions for the guild and the user) and
   * drops the local entry.
   */
  changed(change: { guildId: string; userId: string }): Promise<void>;
}

interface Entry {
  facts: GuildAccessFacts | undefined;
  version: string;
}

/** Options of {@link createGuildAccessCache}. */
export interface GuildAccessCacheOptions {
  /** How long an entry is trusted at most, in milliseconds; `0` disables the cache. */
  ttlMs: number;
  /**
   * Most cached guilds; the least recently used are dropped first.
   * @default 10_000
   */
  maxEntries?: number;
}

export function createGuildAccessCache(db: Database, kv: KeyValueStore, { ttlMs, maxEntries = 10_000 }: GuildAccessCacheOptions): GuildAccessCache {
  // `facts` may be undefined (an unknown guild is cached too), so entries are wrapped: lru-cache stores no undefined.
  const entries = ttlMs > 0 ? new LRUCache<string, Entry>({ max: maxEntries, ttl: ttlMs }) : undefined;

  async function load(guildId: string, version: string): Promise<GuildAccessFacts | undefined> {
    const facts = await readGuildAccessFacts(db, guildId);
    entries?.set(guildId, { facts, version });
    return facts;
  }

  return {
    load,
    holdsAuthorized(guildId, userId) {
      // A hint only: an entry past its TTL still counts, as before it is replaced.
      const facts = entries?.peek(guildId, { allowStale: true })?.facts;
      return facts !== undefined && facts.isActive && facts.authorizedUserIds.has(userId);
    },
    async read(guildId, version) {
      const entry = entries?.get(guildId);
      if (entry !== undefined && entry.version === version) return { facts: entry.facts, cached: true };
      return { facts: await load(guildId, version), cached: false };
    },
    async changed(change) {
      entries?.delete(change.guildId);
      await bumpAccessVersions(kv, { guildIds: [change.guildId], userIds: [change.userId] }, { minTtlMs: ttlMs });
    },
  };
}
