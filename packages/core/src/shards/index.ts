export { readShardStatuses, type ReadShardStatusesOptions } from './read-shard-statuses.js';
export { KNOWN_SHARDS_KEY, shardIdForGuild, shardStatusKey, type ShardConnectionStatus, type ShardStatusRecord, type ShardStatusView } from './shard-status.js';
