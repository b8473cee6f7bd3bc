export { shardingClientOptions, type ShardingClientOptions } from './sharding-client-options.js';
export { fetchGatewayBot, type GatewayBotInfo } from './fetch-gateway-bot.js';
export { formatShardIds, splitShards } from './shard-ranges.js';
export {
  buildRedisIdentifyThrottler,
  createRedisIdentifyThrottler,
  type GatewayInfoSource,
  type IdentifyThrottler,
  type RedisIdentifyThrottlerOptions,
} from './create-redis-identify-throttler.js';
export {
  startShardCluster,
  type RestartBackoff,
  type ShardCluster,
  type ShardClusterEvent,
  type ShardClusterOptions,
  type ShardClusterProcess,
} from './start-shard-cluster.js';
