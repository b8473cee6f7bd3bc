import type { KeyValueStore } from '@baseline/core';

// Mirrors the records `@baseline/bot` writes (packages/bot/src/shards/shard-status.ts), so the API reads shard
// status without depending on discord.js. Keep the key names and fields in step with that file.

/** Key of a shard's live record; it expires when the shard stops writing. */
export const shardStatusKey = (shardId: number): string => `shards:${shardId}`;
/** Hash of every shard id ever reported → its last record without guild ids; never expires. */
export const KNOWN_SHARDS_KEY = 'shards:known';

/** What one shard reports on every heartbeat (times are epoch milliseconds). */
export interface ShardStatusRecord {
  id: number;
  shardCount: number;
  status: string;
  guildIds: string[];
  guildCount: number;
  /** Gateway heartbeat round trip; `-1` before the first acknowledgement. */
  latencyMs: number;
  uptimeMs: number;
  readyAt: number | null;
  heartbeatAt: number;
  pid: number;
  host: string;
}

/** A shard as read back, `stale` when its record expired or its heartbeat is older than `staleAfterMs`. */
export interface ShardStatusView extends ShardStatusRecord {
  stale: boolean;
}

/** Every shard ever reported, sorted by id: the live record, else the last known one marked stale. */
export async function readShardStatuses(kv: KeyValueStore, options: { staleAfterMs: number; now?: number }): Promise<ShardStatusView[]> {
  const now = options.now ?? Date.now();
  const known = await kv.hgetall(KNOWN_SHARDS_KEY);
  const ids = Object.keys(known).map(Number).filter(Number.isInteger).sort((a, b) => a - b);
  const live = ids.length === 0 ? [] : await kv.mget(ids.map(shardStatusKey));
  return ids.map((id, index) => {
    const current = parse(live[index]);
    const record = current ?? parse(known[String(id)]);
    if (record === undefined) {
      return { id, shardCount: 0, status: 'disconnected', guildIds: [], guildCount: 0, latencyMs: -1, uptimeMs: 0, readyAt: null, heartbeatAt: 0, pid: 0, host: '', stale: true };
    }
    return { ...record, guildIds: record.guildIds ?? [], stale: current === undefined || now - record.heartbeatAt > options.staleAfterMs };
  });
}

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function parse(value: string | undefined): ShardStatusRecord | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as ShardStatusRecord;
  } catch {
    return undefined;
  }
}
