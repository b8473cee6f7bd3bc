import { setTimeout as sleep } from 'node:timers/promises';
import { createTestRedis } from '../../src/testing/index.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBaselineError } from '../../src/errors/baseline-error.js';
import { createMemoryKeyValue } from '../../src/kv/create-memory-key-value.js';
import { createRedisKeyValue } from '../../src/kv/create-redis-key-value.js';
import type { KeyValueStore } from '../../src/kv/key-value-store.js';
import { lockKey } from '../../src/kv/with-lock.js';
import { waitFor } from '../fixtures/wait-for.js';

const logger = pino({ level: 'silent' });

interface Host {
  name: string;
  create(): Promise<{ kv: KeyValueStore; cleanup(): Promise<void> }>;
}

// One behaviour suite, two hosts: what holds for Redis must hold for the in-memory development store.
const hosts: Host[] = [
  {
    name: 'redis',
    async create() {
      const redis = createTestRedis();
      const kv = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger });
      return {
        kv,
        async cleanup() {
          await kv.close();
          await redis.cleanup();
        },
      };
    },
  },
  {
    name: 'memory',
    async create() {
      const kv = createMemoryKeyValue({ prefix: 'bl_test:', logger });
      return { kv, cleanup: () => kv.close() };
    },
  },
];

describe.each(hosts)('KeyValueStore on $name', (host) => {
  let kv: KeyValueStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ kv, cleanup } = await host.create());
  });
  afterAll(() => cleanup());

  describe('strings', () => {
    it('GIVEN a key set THEN get returns it, and after del it is undefined', async () => {
      await kv.set('s:a', 'one');
      expect(await kv.get('s:a')).toBe('one');
      expect(await kv.del('s:a', 's:never')).toBe(1);
      expect(await kv.get('s:a')).toBeUndefined();
    });

    it('GIVEN a ttl THEN the key reports its remaining time and is gone after it', async () => {
      await kv.set('s:ttl', 'v', { ttlMs: 10_000 });
      const ttl = await kv.ttl('s:ttl');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10_000);
      await kv.set('s:short', 'v', { ttlMs: 30 });
      await waitFor(async () => (await kv.get('s:short')) === undefined);
      expect(await kv.ttl('s:short')).toBeUndefined();
    });

    it('GIVEN a set without ttl over a key with one THEN the expiry is cleared', async () => {
      await kv.set('s:clear', 'v', { ttlMs: 10_000 });
      await kv.set('s:clear', 'w');
      expect(await kv.ttl('s:clear')).toBeNull();
    });

    it('GIVEN expire on existing and missing keys THEN it reports whether the key existed', async () => {
      await kv.set('s:exp', 'v');
      expect(await kv.expire('s:exp', 5_000)).toBe(true);
      expect(await kv.ttl('s:exp')).toBeGreaterThan(0);
      expect(await kv.expire('s:missing', 5_000)).toBe(false);
    });

    it('GIVEN several keys THEN mget returns values in order with undefined for missing ones', async () => {
      await kv.set('m:1', 'a');
      await kv.set('m:3', 'c');
      expect(await kv.mget(['m:1', 'm:2', 'm:3'])).toEqual(['a', undefined, 'c']);
      expect(await kv.mget([])).toEqual([]);
    });

    it('GIVEN setIfAbsent THEN only the first writer wins until the key expires', async () => {
      expect(await kv.setIfAbsent('nx:a', 'first', 40)).toBe(true);
      expect(await kv.setIfAbsent('nx:a', 'second', 40)).toBe(false);
      expect(await kv.get('nx:a')).toBe('first');
      await waitFor(async () => (await kv.get('nx:a')) === undefined);
      expect(await kv.setIfAbsent('nx:a', 'third')).toBe(true);
      expect(await kv.ttl('nx:a')).toBeNull();
    });

    it('GIVEN setIfExists THEN a missing key stays missing AND an existing one is replaced keeping its expiry', async () => {
      expect(await kv.setIfExists('s:xx', 'v')).toBe(false);
      expect(await kv.get('s:xx')).toBeUndefined();
      await kv.set('s:xx', 'old', { ttlMs: 10_000 });
      expect(await kv.setIfExists('s:xx', 'new')).toBe(true);
      expect(await kv.get('s:xx')).toBe('new');
      const kept = await kv.ttl('s:xx');
      expect(kept).toBeGreaterThan(5_000);
      expect(kept).toBeLessThanOrEqual(10_000);
      await kv.set('s:xx-none', 'old');
      expect(await kv.setIfExists('s:xx-none', 'new')).toBe(true);
      expect(await kv.ttl('s:xx-none')).toBeNull();
    });

    it('GIVEN setIfExists with a ttl THEN the expiry is replaced AND a key that expired or was deleted is not recreated', async () => {
      await kv.set('s:xx-ttl', 'old', { ttlMs: 10_000 });
      expect(await kv.setIfExists('s:xx-ttl', 'new', { ttlMs: 500_000 })).toBe(true);
      expect(await kv.ttl('s:xx-ttl')).toBeGreaterThan(10_000);
      await kv.del('s:xx-ttl');
      expect(await kv.setIfExists('s:xx-ttl', 'again', { ttlMs: 500_000 })).toBe(false);
      await kv.set('s:xx-short', 'v', { ttlMs: 30 });
      await waitFor(async () => (await kv.get('s:xx-short')) === undefined);
      expect(await kv.setIfExists('s:xx-short', 'back')).toBe(false);
      expect(await kv.get('s:xx-short')).toBeUndefined();
    });

    it('GIVEN getDel THEN the value is returned exactly once', async () => {
      await kv.set('once:state', 'token');
      const results = await Promise.all([kv.getDel('once:state'), kv.getDel('once:state')]);
      expect(results.filter((value) => value === 'token')).toHaveLength(1);
      expect(await kv.get('once:state')).toBeUndefined();
    });

    it('GIVEN delIfEquals THEN the key is deleted only while it holds that value', async () => {
      await kv.set('cas:a', 'mine');
      expect(await kv.delIfEquals('cas:a', 'theirs')).toBe(false);
      expect(await kv.get('cas:a')).toBe('mine');
      expect(await kv.delIfEquals('cas:a', 'mine')).toBe(true);
      expect(await kv.get('cas:a')).toBeUndefined();
    });
  });

  describe('counters', () => {
    it('GIVEN incr THEN the counter starts at 0 and adds by', async () => {
      expect(await kv.incr('c:a')).toBe(1);
      expect(await kv.incr('c:a')).toBe(2);
      expect(await kv.incr('c:a', { by: 5 })).toBe(7);
      expect(await kv.incr('c:a', { by: -8 })).toBe(-1);
    });

    it('GIVEN incr with ttl THEN the expiry is set once for the window and never extended', async () => {
      await kv.incr('c:window', { ttlMs: 10_000 });
      await kv.incr('c:window', { ttlMs: 1_000_000 });
      const ttl = await kv.ttl('c:window');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10_000);
      await kv.incr('c:short', { ttlMs: 30 });
      await waitFor(async () => (await kv.get('c:short')) === undefined);
      expect(await kv.incr('c:short', { ttlMs: 10_000 })).toBe(1);
    });

    it('GIVEN concurrent increments THEN none is lost', async () => {
      await Promise.all(Array.from({ length: 50 }, () => kv.incr('c:race')));
      expect(await kv.get('c:race')).toBe('50');
    });

    it('GIVEN a non-integer value THEN incr rejects and keeps it', async () => {
      await kv.set('c:text', 'abc');
      await expect(kv.incr('c:text')).rejects.toThrow();
      expect(await kv.get('c:text')).toBe('abc');
    });
  });

  describe('hashes and sets', () => {
    it('GIVEN hset THEN fields merge, hget and hgetall read them, hdel removes them', async () => {
      await kv.hset('h:a', { user: '1', name: 'x' });
      await kv.hset('h:a', { name: 'y' });
      expect(await kv.hget('h:a', 'name')).toBe('y');
      expect(await kv.hget('h:a', 'none')).toBeUndefined();
      expect(await kv.hgetall('h:a')).toEqual({ user: '1', name: 'y' });
      expect(await kv.hdel('h:a', 'user', 'none')).toBe(1);
      expect(await kv.hgetall('h:a')).toEqual({ name: 'y' });
      expect(await kv.hdel('h:a', 'name')).toBe(1);
      expect(await kv.ttl('h:a')).toBeUndefined();
      expect(await kv.hgetall('h:missing')).toEqual({});
    });

    it('GIVEN hset with ttl THEN the hash expires as a whole', async () => {
      await kv.hset('h:session', { user: '1' }, { ttlMs: 30 });
      await waitFor(async () => Object.keys(await kv.hgetall('h:session')).length === 0);
      expect(await kv.hget('h:session', 'user')).toBeUndefined();
    });

    it('GIVEN sadd and srem THEN counts report what changed and smembers lists the rest', async () => {
      expect(await kv.sadd('set:a', 'x', 'y', 'x')).toBe(2);
      expect(await kv.sadd('set:a', 'y', 'z')).toBe(1);
      expect((await kv.smembers('set:a')).sort()).toEqual(['x', 'y', 'z']);
      expect(await kv.srem('set:a', 'x', 'nope')).toBe(1);
      expect((await kv.smembers('set:a')).sort()).toEqual(['y', 'z']);
      expect(await kv.smembers('set:missing')).toEqual([]);
    });

    it('GIVEN a key of another type THEN typed reads reject', async () => {
      await kv.hset('t:hash', { a: '1' });
      await expect(kv.get('t:hash')).rejects.toThrow(/WRONGTYPE/);
      await expect(kv.sadd('t:hash', 'x')).rejects.toThrow(/WRONGTYPE/);
    });
  });

  describe('scan', () => {
    it('GIVEN keys of every type THEN scan yields each key under the prefix once, bare', async () => {
      const expected: string[] = [];
      for (let index = 0; index < 450; index += 1) expected.push(`scan:str:${index}`);
      await Promise.all(expected.map((key) => kv.set(key, 'v')));
      await kv.hset('scan:hash', { a: '1' });
      await kv.sadd('scan:set', 'a');
      await kv.set('scanner:other', 'v');
      expected.push('scan:hash', 'scan:set');

      const seen: string[] = [];
      for await (const key of kv.scan('scan:')) seen.push(key);
      expect(seen.sort()).toEqual(expected.sort());
    });

    it('GIVEN a prefix with glob characters THEN it matches literally', async () => {
      await kv.set('glob*[x]:1', 'v');
      await kv.set('globber:1', 'v');
      const seen: string[] = [];
      for await (const key of kv.scan('glob*[x]:')) seen.push(key);
      expect(seen).toEqual(['glob*[x]:1']);
    });
  });

  describe('pub/sub', () => {
    it('GIVEN a subscriber THEN it receives published messages asynchronously, in order', async () => {
      const received: string[] = [];
      const unsubscribe = await kv.subscribe('ch:order', (message, channel) => {
        received.push(`${channel}=${message}`);
      });
      const publishing = kv.publish('ch:order', 'one');
      expect(received).toEqual([]);
      await publishing;
      await kv.publish('ch:order', 'two');
      await waitFor(() => received.length === 2);
      expect(received).toEqual(['ch:order=one', 'ch:order=two']);
      await unsubscribe();
    });

    it('GIVEN two channels THEN messages stay on their channel', async () => {
      const onA: string[] = [];
      const onB: string[] = [];
      const offA = await kv.subscribe('ch:a', (message) => void onA.push(message));
      const offB = await kv.subscribe('ch:b', (message) => void onB.push(message));
      await kv.publish('ch:a', 'for-a');
      await kv.publish('ch:b', 'for-b');
      await waitFor(() => onA.length === 1 && onB.length === 1);
      expect(onA).toEqual(['for-a']);
      expect(onB).toEqual(['for-b']);
      await offA();
      await offB();
    });

    it('GIVEN one of two handlers unsubscribed THEN only the other keeps receiving', async () => {
      const first: string[] = [];
      const second: string[] = [];
      const offFirst = await kv.subscribe('ch:unsub', (message) => void first.push(message));
      const offSecond = await kv.subscribe('ch:unsub', (message) => void second.push(message));
      await offFirst();
      await offFirst();
      await kv.publish('ch:unsub', 'after');
      await waitFor(() => second.length === 1);
      expect(first).toEqual([]);
      await offSecond();
      const third: string[] = [];
      const offThird = await kv.subscribe('ch:unsub', (message) => void third.push(message));
      await kv.publish('ch:unsub', 'again');
      await waitFor(() => third.length === 1);
      expect(second).toEqual(['after']);
      await offThird();
    });

    it('GIVEN a handler that throws THEN other handlers still receive the message', async () => {
      const received: string[] = [];
      const offBad = await kv.subscribe('ch:bad', () => {
        throw new Error('handler bug');
      });
      const offAsyncBad = await kv.subscribe('ch:bad', async () => {
        throw new Error('async handler bug');
      });
      const offGood = await kv.subscribe('ch:bad', (message) => void received.push(message));
      await kv.publish('ch:bad', 'm1');
      await kv.publish('ch:bad', 'm2');
      await waitFor(() => received.length === 2);
      await Promise.all([offBad(), offAsyncBad(), offGood()]);
    });
  });

  describe('locks', () => {
    it('GIVEN withLock THEN fn runs holding the lock, returns its value and releases it', async () => {
      const result = await kv.withLock('job', 10_000, async () => {
        expect(await kv.get(lockKey('job'))).toBeDefined();
        return 42;
      });
      expect(result).toBe(42);
      expect(await kv.get(lockKey('job'))).toBeUndefined();
    });

    it('GIVEN a held lock THEN a second holder fails with BL_ERR_KV_LOCK_BUSY and fn never runs', async () => {
      let release!: () => void;
      const holding = kv.withLock('busy', 10_000, () => new Promise<void>((resolve) => (release = resolve)));
      await waitFor(async () => (await kv.get(lockKey('busy'))) !== undefined);
      let ran = false;
      const error = await kv
        .withLock('busy', 10_000, () => {
          ran = true;
        })
        .catch((caught: unknown) => caught);
      expect(isBaselineError(error, 'BL_ERR_KV_LOCK_BUSY')).toBe(true);
      expect(ran).toBe(false);
      release();
      await holding;
    });

    it('GIVEN waitMs THEN a second holder gets the lock once the first releases it', async () => {
      const order: string[] = [];
      let release!: () => void;
      const first = kv.withLock('queue', 10_000, async () => {
        order.push('first-start');
        await new Promise<void>((resolve) => (release = resolve));
        order.push('first-end');
      });
      await waitFor(async () => (await kv.get(lockKey('queue'))) !== undefined);
      const second = kv.withLock('queue', 10_000, () => void order.push('second'), { waitMs: 10_000, retryMs: 10 });
      await sleep(30);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first-start', 'first-end', 'second']);
    });

    it('GIVEN a holder whose lock was taken over THEN its release leaves the new holder’s lock alone', async () => {
      await kv.withLock('taken', 10_000, async () => {
        // What happens when the lock expires mid-run and another process acquires it.
        await kv.set(lockKey('taken'), 'another-holder');
      });
      expect(await kv.get(lockKey('taken'))).toBe('another-holder');
    });

    it('GIVEN fn throws THEN the error propagates and the lock is released', async () => {
      await expect(
        kv.withLock('throws', 10_000, () => {
          throw new Error('job failed');
        }),
      ).rejects.toThrow('job failed');
      expect(await kv.get(lockKey('throws'))).toBeUndefined();
    });
  });

  it('GIVEN ping THEN it reports a round trip in milliseconds', async () => {
    const ms = await kv.ping();
    expect(typeof ms).toBe('number');
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});
