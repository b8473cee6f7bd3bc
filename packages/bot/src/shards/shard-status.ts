import { Status } from 'discord.js';

/** A shard's connection state, from discord.js's `Status`, plus `stopped` for a shard shut down on purpose. */
export type ShardConnectionStatus =
  | 'ready'
  | 'connecting'
  | 'reconnecting'
  | 'idle'
  | 'nearly'
  | 'disconnected'
  | 'waiting-for-guilds'
  | 'identifying'
  | 'resuming'
  | 'stopped';

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

const STATUS_NAMES: Readonly<Record<number, ShardConnectionStatus>> = {
  [Status.Ready]: 'ready',
  [Status.Connecting]: 'connecting',
  [Status.Reconnecting]: 'reconnecting',
  [Status.Idle]: 'idle',
  [Status.Nearly]: 'nearly',
  [Status.Disconnected]: 'disconnected',
  [Status.WaitingForGuilds]: 'waiting-for-guilds',
  [Status.Identifying]: 'identifying',
  [Status.Resuming]: 'resuming',
};

/** discord.js's numeric shard `Status` as a readable name. */
export function shardStatusName(status: Status): ShardConnectionStatus {
  return STATUS_NAMES[status] ?? 'idle';
}
