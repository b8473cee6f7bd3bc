import { createTestRedis, type TestRedis } from '../../src/testing/index.js';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyValue } from '../../src/kv/create-key-value.js';
import { createRedisKeyValue } from '../../src/kv/create-redis-key-value.js';
import type { KeyValueStore } from '../../src/kv/key-value-store.js';
import { waitFor } from '../fixtures/wait-for.js';

const logger = pino({ level: 'silent' });

describe('Redis key-value store across connections', () => {
  let redis: TestRedis;
  let other: TestRedis;
  let first: KeyValueStore;
  let second: KeyValueStore;
  let foreign: KeyValueStore;

  beforeAll(() => {
    redis = createTestRedis();
    other = createTestRedis();
    first = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger });
    second = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger });
    foreign = createRedisKeyValue({ url: other.url, prefix: other.prefix, logger });
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close(), foreign.close()]);
    await Promise.all([redis.cleanup(), other.cleanup()]);
  });

  it('GIVEN two stores on one prefix THEN each sees the other’s messages and keys', async () => {
    const onFirst: string[] = [];
    const onSecond: string[] = [];
    const offFirst = await first.subscribe('shards', (message) => void onFirst.push(message));
    const offSecond = await second.subscribe('shards', (message) => void onSecond.push(message));
    await second.publish('shards', 'from-second');
    await first.publish('shards', 'from-first');
    await waitFor(() => onFirst.length === 2 && onSecond.length === 2);
    expect(onFirst).toEqual(['from-second', 'from-first']);
    expect(onSecond).toEqual(['from-second', 'from-first']);

    await first.set('shared', 'yes');
    expect(await second.get('shared')).toBe('yes');
    await Promise.all([offFirst(), offSecond()]);
  });

  it('GIVEN another prefix THEN its keys and channels are invisible', async () => {
    const onForeign: string[] = [];
    const onFirst: string[] = [];
    const offForeign = await foreign.subscribe('news', (message) => void onForeign.push(message));
    const offFirst = await first.subscribe('news', (message) => void onFirst.push(message));
    await second.publish('news', 'local');
    await waitFor(() => onFirst.length === 1);
    await foreign.publish('news', 'foreign');
    await waitFor(() => onForeign.length === 1);
    expect(onForeign).toEqual(['foreign']);
    expect(onFirst).toEqual(['local']);

    await first.set('isolated', 'v');
    expect(await foreign.get('isolated')).toBeUndefined();
    await Promise.all([offForeign(), offFirst()]);
  });

  it('GIVEN the raw client THEN keys written through the store carry the prefix on the server', async () => {
    await first.set('raw', 'value');
    expect(first.redis).toBeInstanceOf(Redis);
    expect(await first.redis?.get(`${redis.prefix}raw`)).toBe('value');
    expect(await first.redis?.get('raw')).toBeNull();
  });

  it('GIVEN a lock held in one store THEN the other store cannot take it', async () => {
    let release!: () => void;
    const holding = first.withLock('sync', 10_000, () => new Promise<void>((resolve) => (release = resolve)));
    await waitFor(async () => (await second.get('lock:sync')) !== undefined);
    await expect(second.withLock('sync', 10_000, () => 'ran')).rejects.toMatchObject({ code: 'BL_ERR_KV_LOCK_BUSY' });
    release();
    await holding;
    expect(await second.withLock('sync', 10_000, () => 'ran')).toBe('ran');
  });

  it('GIVEN createKeyValue with and without a Redis URL THEN it picks the matching store', async () => {
    const onRedis = createKeyValue({ redisUrl: redis.url, prefix: redis.prefix, logger });
    const inMemory = createKeyValue({ logger });
    expect(onRedis.kind).toBe('redis');
    expect(onRedis.prefix).toBe(redis.prefix);
    expect(inMemory.kind).toBe('memory');
    expect(inMemory.redis).toBeUndefined();
    await Promise.all([onRedis.close(), inMemory.close()]);
  });
});

describe('Redis key-value store that never connected', () => {
  it('GIVEN a server that does not answer THEN close() returns instead of waiting on the offline queue', async () => {
    // Port 1 on loopback refuses connections: the client keeps retrying and queues QUIT forever.
    const store = createRedisKeyValue({ url: 'redis://127.0.0.1:1', prefix: 'never:', logger });
    const closed = await Promise.race([store.close().then(() => 'closed'), new Promise((resolve) => setTimeout(resolve, 5_000, 'hung'))]);
    expect(closed).toBe('closed');
  });
});
