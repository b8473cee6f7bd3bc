import type { ShardCluster } from '../../src/sharding/index.js';

/** Stops a cluster started by a test: the one place these tests call the cluster's stop method. */
export function stopCluster(cluster: ShardCluster): Promise<void> {
  return cluster.stop();
}
