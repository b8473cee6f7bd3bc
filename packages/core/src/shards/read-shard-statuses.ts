import type { KeyValueStore } from '../kv/key-value-store.js';
import { KNOWN_SHARDS_KEY, shardStatusKey, type ShardStatusRecord, type ShardStatusView } from './shard-status.js';

/** Options of {@link readShardStatuses}. */
export interface ReadShardStatusesOptions {
  /**
   * A live record whose heartbeat is older than this is stale too (a process frozen but its key not yet
   * expired).
   * @default 30_000
   */
  staleAfterMs?: number;
  /** Reference time, for tests. @default Date.now() */
  now?: number;
}

/**
 * Every shard ever reported in this key-value namespace, sorted by id: its live record when it has one, else
 * its last known record (without guild ids) marked `stale`.
 *
 * @param kv - the key-value store the shards report to
 * @param options - see {@link ReadShardStatusesOptions}
 * @example
 * ```ts
 * const shards = await readShardStatuses(services.kv, { staleAfterMs: 30_000 });
 * const healthy = shards.every((shard) => !shard.stale && shard.status === 'ready');
 * ```
 */
export async function readShardStatuses(kv: KeyValueStore, options: ReadShardStatusesOptions = {}): Promise<ShardStatusView[]> {
  const { staleAfterMs = 30_000, now = Date.now() } = options;
  const known = await kv.hgetall(KNOWN_SHARDS_KEY);
  const ids = Object.keys(known)
    .map(Number)
    .filter(Number.isInteger)
    .sort((a, b) => a - b);
  const live = ids.length === 0 ? [] : await kv.mget(ids.map(shardStatusKey));
  return ids.map((id, index) => {
    const current = parse(live[index]);
    const record = current ?? parse(known[String(id)]);
    if (record === undefined) return unknownShard(id);
    const stale = current === undefined || now - record.heartbeatAt > staleAfterMs;
    return { ...record, guildIds: record.guildIds ?? [], stale };
  });
}

function parse(value: string | undefined): ShardStatusRecord | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as ShardStatusRecord;
  } catch {
    return undefined;
  }
}

function unknownShard(id: number): ShardStatusView {
  return {
    id,
    shardCount: 0,
    status: 'disconnected',
    guildIds: [],
    guildCount: 0,
    latencyMs: -1,
    uptimeMs: 0,
    readyAt: null,
    heartbeatAt: 0,
    pid: 0,
    host: '',
    stale: true,
  };
}
