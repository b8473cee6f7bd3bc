import type { ShardConnectionStatus } from '@baseline/core';
import { Status } from 'discord.js';

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
