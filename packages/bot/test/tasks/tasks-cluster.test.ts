import { fileURLToPath } from 'node:url';
import { createLogger, createRedisKeyValue, readTaskStatuses, type KeyValueStore } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, createTestRedis, type DiscordEmulator, type TestDatabase, type TestRedis } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShardCluster } from '../../src/sharding/index.js';
import { startTestCluster } from '../sharding/fixtures/start-test-cluster.js';

const WINDOW_MS = 10_000;

describe('scheduled tasks: two createBot processes × two shards', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let emulator: DiscordEmulator;
  let kv: KeyValueStore;
  let cluster: ShardCluster | undefined;
  const logger = createLogger({ service: 'tasks-cluster-test', level: 'warn' });

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = createTestRedis();
    kv = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger });
    emulator = await createDiscordEmulator({
      gateway: { heartbeatIntervalMs: 1000 },
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 8 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await kv.close();
    await emulator.close();
    await database.drop();
    await redis.cleanup();
  });

  it('GIVEN a cron task every second in both processes THEN each tick of a 10 s window runs exactly once in the deployment', async () => {
    cluster = startTestCluster({
      child: 'bot-child.ts',
      script: fileURLToPath(new URL('./fixtures/tick-child.ts', import.meta.url)),
      emulator,
      redisUrl: redis.url,
      kvPrefix: kv.prefix,
      env: { LOG_LEVEL: 'error', DATABASE_URL: database.url },
      backoff: { initialMs: 60_000 },
      stopTimeoutMs: 15_000,
    });
    const pids = cluster.processes().map((child) => child.pid!);
    await expect
      .poll(async () => (await kv.mget(pids.map((pid) => `test:ready:${pid}`))).filter((value) => value !== undefined).length, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(2);

    const dueTimes = async () =>
      Object.keys(await kv.hgetall('test:ticks'))
        .map(Number)
        .sort((a, b) => a - b);
    // The first tick may predate the second process; the window starts at the second tick recorded.
    await expect
      .poll(
        async () => {
          const ticks = await dueTimes();
          return ticks.length >= 2 && ticks.at(-1)! - ticks[1]! >= WINDOW_MS + 1000;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    await cluster.close();
    cluster = undefined;

    const ticks = await dueTimes();
    const start = ticks[1]!;
    const inWindow = ticks.filter((due) => due >= start && due < start + WINDOW_MS);
    // Ticks fall on whole seconds; under load BullMQ may skip one, never run one twice.
    expect(inWindow.every((due) => due % 1000 === 0)).toBe(true);
    expect(inWindow.length).toBeGreaterThanOrEqual(WINDOW_MS / 1000 - 1);
    expect(inWindow.length).toBeLessThanOrEqual(WINDOW_MS / 1000);
    // Every run recorded a distinct tick: no tick ran in both processes.
    expect(Number(await kv.get('test:tick-runs'))).toBe(ticks.length);

    const [status] = await readTaskStatuses(kv);
    expect(status).toMatchObject({
      id: 'ticker:tick',
      pluginId: 'ticker',
      kind: 'cron',
      cron: '* * * * * *',
      timeZone: 'Europe/Paris',
      backend: 'bullmq',
      lastResult: 'ok',
      failures: 0,
    });
    expect(status!.runs).toBe(ticks.length);
  }, 150_000);
});
