/**
 * The shard status records bots write to the key-value store and the API and health checks read back. The format
 * lives here, beside neither of them, so `@baseline/api` reads what `@baseline/bot` writes without depending on
 * discord.js.
 */

/** A shard's connection state: discord.js's `Status` names, plus `stopped` for a shard shut down on purpose. */
export type ShardConnectionStatus =
  'ready' | 'connecting' | 'reconnecting' | 'idle' | 'nearly' | 'disconnected' | 'waiting-for-guilds' | 'identifying' | 'resuming' | 'stopped';

/** What one shard reports about itself on every heartbeat. Times are epoch milliseconds. */
export interface ShardStatusRecord {
  readonly id: number;
  readonly shardCount: number;
  readonly status: ShardConnectionStatus;
  readonly guildIds: readonly string[];
  readonly guildCount: number;
  /** Gateway heartbeat round trip; `-1` before the first acknowledgement. */
  readonly latencyMs: number;
  /** Time since the shard last became ready (0 while not ready). */
  readonly uptimeMs: number;
  readonly readyAt: number | null;
  readonly heartbeatAt: number;
  readonly pid: number;
  readonly host: string;
}

/** A shard as read back: its last record, and whether that record is too old to be trusted. */
export interface ShardStatusView extends ShardStatusRecord {
  /** True when the shard stopped reporting (record expired or older than `staleAfterMs`). Never healthy. */
  readonly stale: boolean;
}

/** Key of a shard's live record; it expires when the shard stops writing. */
export const shardStatusKey = (shardId: number): string => `shards:${shardId}`;
/** Hash of every shard id ever reported → its last record without guild ids; never expires. */
export const KNOWN_SHARDS_KEY = 'shards:known';

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`.
 *
 * @example
 * ```ts
 * shardIdForGuild('81384788765712384', 4); // 2
 * ```
 */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
