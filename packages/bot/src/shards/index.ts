export { startShardReporter, type ShardReporter, type ShardReporterOptions } from './start-shard-reporter.js';
export { shardStatusName } from './shard-status.js';
