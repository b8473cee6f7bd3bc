import type { BaselineServices } from '@baseline/core';
import type { Client } from 'discord.js';

/** A dependency's state as `/status` shows it. */
export interface DependencyStatus {
  readonly ok: boolean;
  /** Round trip in milliseconds when reachable. */
  readonly rttMs?: number;
  /** Why it is not ok. */
  readonly error?: string;
}

/** What `/status` reports about this process. */
export interface BotStatus {
  readonly uptimeMs: number;
  /** Guilds on this process's shards. */
  readonly guildCount: number;
  readonly shardId: number;
  readonly shardCount: number;
  /** Heartbeat round trip of the shard, `undefined` before the first heartbeat. */
  readonly gatewayPingMs: number | undefined;
  readonly database: DependencyStatus;
  readonly redis: DependencyStatus & { readonly kind: 'redis' | 'memory' };
}

async function probe(ping: () => Promise<number>): Promise<DependencyStatus> {
  try {
    return { ok: true, rttMs: await ping() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Collects the status of this bot process.
 * @param shardId - the shard to describe (the interaction's guild's shard); default the first of this process.
 */
export async function collectBotStatus(client: Client, services: BaselineServices, shardId?: number): Promise<BotStatus> {
  const shard = shardId ?? client.ws.shards.first()?.id ?? 0;
  const ping = client.ws.shards.get(shard)?.ping ?? client.ws.ping;
  const [database, redis] = await Promise.all([probe(() => services.db.ping()), probe(() => services.kv.ping())]);
  return {
    uptimeMs: client.uptime ?? 0,
    guildCount: client.guilds.cache.size,
    shardId: shard,
    shardCount: client.options.shardCount ?? 1,
    gatewayPingMs: ping >= 0 ? ping : undefined,
    database,
    redis: { ...redis, kind: services.kv.kind },
  };
}
