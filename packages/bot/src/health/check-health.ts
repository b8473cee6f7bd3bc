import type { BaselineServices } from '@baseline/core';
import { Status, type Client } from 'discord.js';
import type { ShardConnectionStatus } from '@baseline/core';
import { shardStatusName } from '../shards/shard-status.js';

/** One dependency's state: reachable with its round trip, or down with the reason. */
export type DependencyHealth = { readonly ok: true; readonly latencyMs: number } | { readonly ok: false; readonly error: string };

/** The body of `/health`. */
export interface HealthReport {
  /** `ok` only when the client is ready, every shard is ready and the database and Redis answer. */
  readonly status: 'ok' | 'unhealthy';
  readonly bot: { readonly ready: boolean; readonly uptimeMs: number; readonly guilds: number; readonly user: string | null };
  readonly shards: ReadonlyArray<{ readonly id: number; readonly status: ShardConnectionStatus; readonly latencyMs: number }>;
  readonly database: DependencyHealth;
  /** `kind` tells Redis from the in-memory store of single-process development. */
  readonly redis: DependencyHealth & { readonly kind: 'redis' | 'memory' };
  /** Why the status is `unhealthy`; empty when `ok`. */
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
  const [database, redis] = await Promise.all([probe(() => services.db.ping(), timeoutMs), probe(() => services.kv.ping(), timeoutMs)]);
  const shards = [...client.ws.shards.values()]
    .map((shard) => ({ id: shard.id, status: shardStatusName(shard.status), latencyMs: shard.ping }))
    .sort((a, b) => a.id - b.id);
  const ready = client.isReady();
  const problems: string[] = [];
  if (!ready) problems.push('client not ready');
  for (const shard of shards) if (shard.status !== shardStatusName(Status.Ready)) problems.push(`shard ${shard.id} ${shard.status}`);
  if (!database.ok) problems.push(`database: ${database.error}`);
  if (!redis.ok) problems.push(`redis: ${redis.error}`);
  return {
    status: problems.length === 0 ? 'ok' : 'unhealthy',
    bot: { ready, uptimeMs: client.uptime ?? 0, guilds: client.guilds.cache.size, user: client.user?.tag ?? null },
    shards,
    database,
    redis: { ...redis, kind: services.kv.kind },
    problems,
  };
}

async function probe(ping: () => Promise<number>, timeoutMs: number): Promise<DependencyHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const latencyMs = await Promise.race([ping(), timeout]);
    return { ok: true, latencyMs: Math.round(latencyMs * 100) / 100 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
