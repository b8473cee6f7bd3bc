import { pingDependencies, type BaselineServices, type DependenciesHealth, type HealthStatus, type ShardConnectionStatus } from '@baseline/core';
import { Status, type Client } from 'discord.js';
import { shardStatusName } from '../shards/shard-status.js';

/** The body of `/health` (JSON, so snake_case as every health answer). */
export interface HealthReport extends DependenciesHealth {
  /** `ok` only when the client is ready, every shard is ready and the database and Redis answer. */
  readonly status: HealthStatus;
  readonly bot: { readonly ready: boolean; readonly uptime_ms: number; readonly guilds: number; readonly user: string | null };
  readonly shards: ReadonlyArray<{ readonly id: number; readonly status: ShardConnectionStatus; readonly latency_ms: number }>;
  /** Why the status is `degraded`; empty when `ok`. */
  readonly problems: readonly string[];
}

/**
 * Checks the bot, its shards, PostgreSQL and Redis. Each dependency ping is bounded by `timeoutMs`, so a hung
 * server makes the check fail rather than hang.
 *
 * @param client - the discord.js client
 * @param services - `db` and `kv` of the services container
 * @param timeoutMs - bound of each ping @default 2000
 */
export async function checkHealth(client: Client, services: Pick<BaselineServices, 'db' | 'kv'>, timeoutMs = 2000): Promise<HealthReport> {
  const { database, redis } = await pingDependencies(services, { timeoutMs });
  const shards = [...client.ws.shards.values()]
    .map((shard) => ({ id: shard.id, status: shardStatusName(shard.status), latency_ms: shard.ping }))
    .sort((a, b) => a.id - b.id);
  const ready = client.isReady();
  const problems: string[] = [];
  if (!ready) problems.push('client not ready');
  for (const shard of shards) if (shard.status !== shardStatusName(Status.Ready)) problems.push(`shard ${shard.id} ${shard.status}`);
  if (!database.ok) problems.push(`database: ${database.error}`);
  if (!redis.ok) problems.push(`redis: ${redis.error}`);
  return {
    status: problems.length === 0 ? 'ok' : 'degraded',
    bot: { ready, uptime_ms: client.uptime ?? 0, guilds: client.guilds.cache.size, user: client.user?.tag ?? null },
    shards,
    database,
    redis,
    problems,
  };
}
