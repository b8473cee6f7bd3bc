export { startShardReporter, type ShardReporter, type ShardReporterOptions } from './start-shard-reporter.js';
export { readShardStatuses, type ReadShardStatusesOptions } from './read-shard-statuses.js';
export {
  KNOWN_SHARDS_KEY,
  shardStatusKey,
  shardStatusName,
  type ShardConnectionStatus,
  type ShardStatusRecord,
  type ShardStatusView,
} from './shard-status.js';
