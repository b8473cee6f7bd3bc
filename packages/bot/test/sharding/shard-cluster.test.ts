import { createRedisKeyValue, type BaselineServices, type KeyValueStore } from '@baseline/core';
import { createDiscordEmulator, type DiscordEmulator } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShardCluster, ShardClusterEvent } from '../../src/sharding/index.js';
import { readShardStatuses, shardIdForGuild } from '@baseline/core';
import { createTestStack } from '../shards/test-stack.js';
import { startTestCluster } from './fixtures/start-test-cluster.js';

// Long enough that the two children, starting together, would collide in a bucket without the shared throttler.
const IDENTIFY_INTERVAL_MS = 2000;

describe('shard cluster: two processes × two shards', () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let services: BaselineServices;
  let emulator: DiscordEmulator;
  let cluster: ShardCluster | undefined;
  let kv: KeyValueStore;

  beforeAll(async () => {
    stack = await createTestStack();
    services = stack.services;
    kv = createRedisKeyValue({ url: process.env.BASELINE_TEST_REDIS_URL!, prefix: `${services.kv.prefix}cluster:`, logger: services.logger });
    emulator = await createDiscordEmulator({
      gateway: { heartbeatIntervalMs: 500, identifyIntervalMs: IDENTIFY_INTERVAL_MS, maxConcurrency: 2 },
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 200 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await kv.close();
    await emulator.close();
    await stack.close();
  });

  it('GIVEN 200 guilds THEN each arrives exactly once on its own shard, identifies respect the buckets, and a killed child is restarted', async () => {
    const events: ShardClusterEvent[] = [];
    cluster = startTestCluster({
      child: 'shard-child.ts',
      emulator,
      redisUrl: process.env.BASELINE_TEST_REDIS_URL!,
      kvPrefix: kv.prefix,
      env: { IDENTIFY_INTERVAL_MS: String(IDENTIFY_INTERVAL_MS) },
      backoff: { initialMs: 100 },
      stopTimeoutMs: 5000,
      onEvent: (event) => events.push(event),
    });
    expect(cluster.processes().map((child) => child.shardIds)).toEqual([
      [0, 1],
      [2, 3],
    ]);

    const readyPids = async () =>
      (await readShardStatuses(kv, { staleAfterMs: 5000 })).map((shard) => [shard.id, shard.status, shard.stale, shard.guildCount > 0]);
    await expect.poll(readyPids, { timeout: 30_000, interval: 250 }).toEqual([0, 1, 2, 3].map((id) => [id, 'ready', false, true]));

    const guildIds = [...emulator.state.botGuildIds];
    expect(guildIds).toHaveLength(200);
    const counts = await kv.mget(guildIds.map((id) => `test:guild-create:${id}`));
    expect(counts.every((count) => count === '1')).toBe(true);
    for (const guildId of guildIds) expect(await kv.smembers(`test:guild-shard:${guildId}`)).toEqual([String(shardIdForGuild(guildId, 4))]);
    const statuses = await readShardStatuses(kv);
    expect(statuses.reduce((sum, shard) => sum + shard.guildCount, 0)).toBe(200);
    const pids = cluster.processes().map((child) => child.pid);
    expect(statuses.map((shard) => shard.pid)).toEqual([pids[0], pids[0], pids[1], pids[1]]);

    // One grant per shard: a throttling mistake would make the emulator refuse an IDENTIFY (op 9) and the shard
    // would ask again. Buckets follow shard_id % max_concurrency.
    const grants = (await kv.smembers('test:grants')).map((grant) => JSON.parse(grant) as { shardId: number; bucket: number; pid: number });
    expect(grants.map((grant) => [grant.shardId, grant.bucket]).sort()).toEqual([
      [0, 0],
      [1, 1],
      [2, 0],
      [3, 1],
    ]);

    const victim = pids[0]!;
    process.kill(victim, 'SIGKILL');
    await expect.poll(() => cluster!.processes()[0]!.restarts, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(
        async () => (await readShardStatuses(kv, { staleAfterMs: 5000 })).filter((shard) => shard.id < 2).map((shard) => [shard.status, shard.pid === victim]),
        { timeout: 30_000, interval: 250 },
      )
      .toEqual([
        ['ready', false],
        ['ready', false],
      ]);
    expect(events.filter((event) => event.type === 'restarting')).toEqual([{ type: 'restarting', index: 0, delayMs: 100, restarts: 1 }]);
    expect(cluster.processes()[1]).toMatchObject({ pid: pids[1], restarts: 0 });

    await cluster.close();
    expect(cluster.processes().every((child) => child.state === 'stopped')).toBe(true);
    expect(events.filter((event) => event.type === 'restarting')).toHaveLength(1);
    cluster = undefined;
  }, 90_000);
});
