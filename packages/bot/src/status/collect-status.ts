import { pingDependencies, type BaselineServices, type DependenciesHealth } from '@baseline/core';
import type { Client } from 'discord.js';

/** What `/status` reports about this process. */
export interface BotStatus extends DependenciesHealth {
  readonly uptimeMs: number;
  /** Guilds on this process's shards. */
  readonly guildCount: number;
  readonly shardId: number;
  readonly shardCount: number;
  /** Heartbeat round trip of the shard, `undefined` before the first heartbeat. */
  readonly gatewayPingMs: number | undefined;
}

/**
 * Collects the status of this bot process.
 * @param shardId - the shard to describe (the interaction's guild's shard); default the first of this process.
 */
export async function collectBotStatus(client: Client, services: BaselineServices, shardId?: number): Promise<BotStatus> {
  const shard = shardId ?? client.ws.shards.first()?.id ?? 0;
  const ping = client.ws.shards.get(shard)?.ping ?? client.ws.ping;
  const { database, redis } = await pingDependencies(services, { timeoutMs: 2000 });
  return {
    uptimeMs: client.uptime ?? 0,
    guildCount: client.guilds.cache.size,
    shardId: shard,
    shardCount: client.options.shardCount ?? 1,
    gatewayPingMs: ping >= 0 ? ping : undefined,
    database,
    redis,
  };
}
