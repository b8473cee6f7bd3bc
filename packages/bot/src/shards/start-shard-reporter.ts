import { hostname } from 'node:os';
import type { BaselineServices } from '@baseline/core';
import { Events, Status, type Client } from 'discord.js';
import { KNOWN_SHARDS_KEY, shardStatusKey, type ShardConnectionStatus, type ShardStatusRecord } from '@baseline/core';
import { shardStatusName } from './shard-status.js';

/** Options of {@link startShardReporter}. */
export interface ShardReporterOptions {
  /**
   * How often each shard writes its record, in milliseconds.
   * @default 10_000
   */
  intervalMs?: number;
  /**
   * Expiry of a record: a shard that stops writing disappears after this long and reads as stale.
   * Keep it a few intervals long.
   * @default 30_000
   */
  ttlMs?: number;
}

/** Handle of a running reporter. */
export interface ShardReporter {
  /** Writes every shard's record now (also done on each interval and on connection changes). */
  report(): Promise<void>;
  /** Stops reporting and records this process's shards as `stopped`; their live records are removed. */
  close(): Promise<void>;
}

/**
 * Writes, for every shard of this process, its id, guild ids, connection status, gateway latency, uptime and
 * last heartbeat to the key-value store (`shards:<id>`, JSON, expiring after `ttlMs`), and remembers each id in
 * `shards:known` so {@link readShardStatuses} lists a dead shard as stale instead of forgetting it.
 * A failed write is logged and retried on the next tick.
 *
 * @param client - the discord.js client whose shards are reported
 * @param services - `kv` and `logger` of the services container
 * @param options - see {@link ShardReporterOptions}
 * @example
 * ```ts
 * const reporter = startShardReporter(client, services, { intervalMs: 10_000, ttlMs: 30_000 });
 * await reporter.close();
 * ```
 */
export function startShardReporter(client: Client, services: Pick<BaselineServices, 'kv' | 'logger'>, options: ShardReporterOptions = {}): ShardReporter {
  const { intervalMs = 10_000, ttlMs = 30_000 } = options;
  const { kv } = services;
  const logger = services.logger.child({ component: 'shard-reporter' });
  const readyAt = new Map<number, number>();
  const host = hostname();
  let stopped = false;
  let writing: Promise<void> = Promise.resolve();

  const recordOf = (shardId: number, status: ShardConnectionStatus): ShardStatusRecord => {
    const guildIds = client.guilds.cache.filter((guild) => guild.shardId === shardId).map((guild) => guild.id);
    const since = status === 'ready' ? (readyAt.get(shardId) ?? null) : null;
    const now = Date.now();
    return {
      id: shardId,
      shardCount: client.options.shardCount ?? 1,
      status,
      guildIds,
      guildCount: guildIds.length,
      latencyMs: client.ws.shards.get(shardId)?.ping ?? -1,
      uptimeMs: since === null ? 0 : now - since,
      readyAt: since,
      heartbeatAt: now,
      pid: process.pid,
      host,
    };
  };
  const write = async (record: ShardStatusRecord, live: boolean) => {
    const { guildIds: _omitted, ...summary } = record;
    if (live) await kv.set(shardStatusKey(record.id), JSON.stringify(record), { ttlMs });
    else await kv.del(shardStatusKey(record.id));
    await kv.hset(KNOWN_SHARDS_KEY, { [String(record.id)]: JSON.stringify({ ...summary, guildIds: [] }) });
  };
  const report = () => {
    writing = writing.then(async () => {
      if (stopped) return;
      try {
        for (const [shardId, shard] of client.ws.shards) await write(recordOf(shardId, shardStatusName(shard.status)), true);
      } catch (error) {
        logger.warn({ err: error }, 'writing shard status failed');
      }
    });
    return writing;
  };

  const onReady = (shardId: number) => {
    readyAt.set(shardId, Date.now());
    void report();
  };
  const onResume = (shardId: number) => {
    if (!readyAt.has(shardId)) readyAt.set(shardId, Date.now());
    void report();
  };
  const onChange = () => void report();
  client.on(Events.ShardReady, onReady);
  client.on(Events.ShardResume, onResume);
  client.on(Events.ShardDisconnect, onChange);
  client.on(Events.ShardReconnecting, onChange);
  for (const [shardId, shard] of client.ws.shards) if (shard.status === Status.Ready) readyAt.set(shardId, Date.now());
  const timer = setInterval(() => void report(), intervalMs);
  timer.unref();
  void report();

  return {
    report,
    async close() {
      if (stopped) return;
      clearInterval(timer);
      client.off(Events.ShardReady, onReady);
      client.off(Events.ShardResume, onResume);
      client.off(Events.ShardDisconnect, onChange);
      client.off(Events.ShardReconnecting, onChange);
      await writing;
      stopped = true;
      try {
        for (const shardId of client.ws.shards.keys()) await write(recordOf(shardId, 'stopped'), false);
      } catch (error) {
        logger.warn({ err: error }, 'writing the final shard status failed');
      }
    },
  };
}
