import { createRedisKeyValue, type BaselineServices, type KeyValueStore } from '@baseline/core';
import { createDiscordEmulator } from '@baseline/testing';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRedisIdentifyThrottler, createRedisIdentifyThrottler } from '../../src/sharding/index.js';
import { createTestStack, loginReady, testClient } from '../shards/test-stack.js';

describe('Redis identify throttler', () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let services: BaselineServices;
  const stores: KeyValueStore[] = [];

  beforeAll(async () => {
    stack = await createTestStack();
    services = stack.services;
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await stack.close();
  });

  /** A throttler on its own Redis connection, as another process would have. */
  const processThrottler = (prefix: string, grants: string[]) => {
    const kv = createRedisKeyValue({ url: process.env.BASELINE_TEST_REDIS_URL!, prefix, logger: services.logger });
    stores.push(kv);
    return createRedisIdentifyThrottler(kv, {
      maxConcurrency: 2,
      intervalMs: 400,
      marginMs: 0,
      onGrant: ({ shardId, bucket }) => grants.push(`${shardId}/${bucket}`),
    });
  };

  it('GIVEN shard 0 just identified WHEN shards 2 (same bucket) and 1 (other bucket) ask from another process THEN shard 1 goes first and shard 2 waits for the window', async () => {
    const prefix = `${services.kv.prefix}throttle-a:`;
    const grants: string[] = [];
    const first = processThrottler(prefix, grants);
    const second = processThrottler(prefix, grants);
    const signal = new AbortController().signal;

    await first.waitForIdentify(0, signal);
    let shard2Granted = false;
    const shard2 = second.waitForIdentify(2, signal).then(() => {
      shard2Granted = true;
    });
    await second.waitForIdentify(1, signal);
    expect(shard2Granted).toBe(false);
    expect(grants).toEqual(['0/0', '1/1']);
    await shard2;
    expect(grants).toEqual(['0/0', '1/1', '2/0']);
  });

  it('GIVEN a shard waiting for a busy bucket WHEN its identify is aborted THEN the wait rejects and it is never granted', async () => {
    const prefix = `${services.kv.prefix}throttle-b:`;
    const grants: string[] = [];
    const holder = processThrottler(prefix, grants);
    const waiter = processThrottler(prefix, grants);
    await holder.waitForIdentify(0, new AbortController().signal);
    const controller = new AbortController();
    const waiting = waiter.waitForIdentify(2, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(grants).toEqual(['0/0']);
  });

  it('GIVEN max_concurrency 2 and two clients with shards 0-1 and 2-3 of 4 WHEN both start at once THEN all four become ready and the gateway accepts every IDENTIFY, one per bucket per window across both clients', async () => {
    // Each bucket (`shard_id % 2`) holds one shard of each client, so only the shared Redis keys keep them apart;
    // discord.js's own throttler would let shards 0 and 2 identify together and the gateway would refuse one.
    const intervalMs = 400;
    const emulator = await createDiscordEmulator({
      gateway: { heartbeatIntervalMs: 500, maxConcurrency: 2, identifyIntervalMs: intervalMs },
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 8 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
    const prefix = `${services.kv.prefix}throttle-c:`;
    const clients: Client[] = [];
    try {
      for (const shards of [
        [0, 1],
        [2, 3],
      ]) {
        const kv = createRedisKeyValue({ url: process.env.BASELINE_TEST_REDIS_URL!, prefix, logger: services.logger });
        stores.push(kv);
        clients.push(
          testClient(emulator, {
            shards,
            shardCount: 4,
            ws: { buildIdentifyThrottler: buildRedisIdentifyThrottler(kv, { intervalMs, marginMs: 50 }) as never },
          }),
        );
      }
      await Promise.all(clients.map((client) => loginReady(client, emulator.botToken)));

      const identifies = emulator.identifies();
      expect(identifies.map((identify) => identify.outcome)).toEqual(['started', 'started', 'started', 'started']);
      for (const bucket of [0, 1]) {
        const times = identifies.filter((identify) => identify.bucket === bucket).map((identify) => identify.at);
        expect(times).toHaveLength(2);
        // A lower bound from the gateway's own clock (load only widens it), not a performance figure.
        expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(intervalMs);
      }
    } finally {
      for (const client of clients) await client.destroy();
      await emulator.close();
    }
  });
});
