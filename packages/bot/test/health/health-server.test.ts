import { createDatabase, createRedisKeyValue, type BaselineServices } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, type DiscordEmulator } from '@baseline/testing';
import type { Client } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthReport, type HealthServer } from '../../src/health/index.js';
import { createTestStack, fastGateway, loginReady, testClient } from '../shards/test-stack.js';

describe('health server', () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let services: BaselineServices;
  let emulator: DiscordEmulator;
  let client: Client;
  let health: HealthServer | undefined;

  beforeAll(async () => {
    stack = await createTestStack();
    services = stack.services;
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    await health?.close();
    health = undefined;
    await client.destroy();
    await emulator.close();
  });

  const get = async (path = '/health') => {
    const response = await fetch(`${health!.url}${path}`);
    return { status: response.status, body: (await response.json()) as HealthReport };
  };
  const boot = async (shardCount = 2) => {
    emulator = await createDiscordEmulator({
      gateway: fastGateway,
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 6 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
    client = testClient(emulator, { shards: Array.from({ length: shardCount }, (_, id) => id), shardCount });
  };

  it('GIVEN a client not logged in yet THEN /health answers 503 with the reason', async () => {
    await boot();
    health = await startHealthServer(client, services, { host: '127.0.0.1', port: 0 });
    const { status, body } = await get();
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.problems).toContain('client not ready');
    expect(body.database.ok).toBe(true);
  });

  it('GIVEN a ready bot THEN 200 with every shard ready and database and Redis round trips; WHEN a shard is lost THEN 503 naming it', async () => {
    await boot(2);
    health = await startHealthServer(client, services, { host: '127.0.0.1', port: 0 });
    expect(health.port).toBeGreaterThan(0);
    await loginReady(client, emulator.botToken);

    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', bot: { ready: true, guilds: 6 }, problems: [], redis: { ok: true, kind: 'redis' }, database: { ok: true } });
    expect(body.shards.map((shard) => [shard.id, shard.status])).toEqual([
      [0, 'ready'],
      [1, 'ready'],
    ]);
    expect(body.database.ok && body.database.latency_ms).toBeGreaterThanOrEqual(0);
    expect(body.redis.ok && body.redis.latency_ms).toBeGreaterThanOrEqual(0);

    const disconnected = new Promise((resolve) => client.once('shardDisconnect', resolve));
    emulator.dropShard(1, 4014); // a close code discord.js does not reconnect after
    await disconnected;
    const after = await get();
    expect(after.status).toBe(503);
    expect(after.body.problems).toEqual(['shard 1 disconnected']);
    expect(after.body.shards.find((shard) => shard.id === 0)?.status).toBe('ready');

    expect((await get('/elsewhere')).status).toBe(404);
  });

  it('GIVEN Redis closed, then the database gone THEN 503 reporting which one is down', async () => {
    await boot(1);
    await loginReady(client, emulator.botToken);
    const kv = createRedisKeyValue({ url: process.env.BASELINE_TEST_REDIS_URL!, prefix: services.kv.prefix, logger: services.logger });
    const database = await createTestDatabase();
    const db = await createDatabase({ url: database.url, logger: services.logger });
    try {
      health = await startHealthServer(client, { ...services, kv, db }, { host: '127.0.0.1', port: 0, timeoutMs: 1000 });
      expect((await get()).status).toBe(200);

      await kv.close();
      const redisDown = await get();
      expect(redisDown.status).toBe(503);
      expect(redisDown.body.redis.ok).toBe(false);
      expect(redisDown.body.database.ok).toBe(true);
      expect(redisDown.body.problems).toEqual([expect.stringMatching(/^redis: /)]);

      // MikroORM reconnects after close(), so the outage is the database itself disappearing.
      await database.drop();
      const bothDown = await get();
      expect(bothDown.status).toBe(503);
      expect(bothDown.body.database.ok).toBe(false);
      expect(bothDown.body.problems).toHaveLength(2);
    } finally {
      await db.close().catch(() => {});
      await database.drop();
    }
  });
});
