import type { BaselineConfig } from '@baseline/core';

/** The discord.js client options that decide which shards a process runs. */
export interface ShardingClientOptions {
  shards: number[] | 'auto';
  shardCount?: number;
}

/**
 * Turns `config.sharding` (`SHARD_COUNT`, `SHARD_IDS`) into discord.js client options:
 * - neither set: `shards: 'auto'`, discord.js asks Discord (`GET /gateway/bot`) for the recommended count and
 *   runs every shard in this process;
 * - `SHARD_COUNT` only: every shard of that count, in this process;
 * - both: only `SHARD_IDS`, out of `SHARD_COUNT` (one process of several, on this host or another).
 *
 * @param sharding - `config.sharding`
 * @example
 * ```ts
 * const client = new Client({ intents, ...shardingClientOptions(config.sharding) });
 * ```
 */
export function shardingClientOptions(sharding: BaselineConfig['sharding']): ShardingClientOptions {
  const { count, ids } = sharding;
  if (count === undefined) return { shards: 'auto' };
  return { shards: ids === undefined ? Array.from({ length: count }, (_, id) => id) : [...ids], shardCount: count };
}
