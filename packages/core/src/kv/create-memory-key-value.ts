import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { BaselineError } from '../errors/baseline-error.js';
import { ChannelHandlers } from './channel-handlers.js';
import type { KeyValueStore, Unsubscribe } from './key-value-store.js';
import { MemoryData } from './memory-data.js';
import { withLock } from './with-lock.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Options of {@link createMemoryKeyValue}. */
export interface MemoryKeyValueOptions {
  /**
   * Reported as the store's prefix. Each in-memory store has its own keyspace, so the prefix only matters to
   * callers that log or compare it.
   * @default 'baseline:'
   */
  prefix?: string;
  logger: Logger;
  /**
   * How often expired keys are swept, in milliseconds (they are also dropped whenever read).
   * @default 60_000
   */
  sweepIntervalMs?: number;
}

let warned = false;

function expiresAt(ttlMs: number | undefined): number | undefined {
  return ttlMs === undefined ? undefined : Date.now() + ttlMs;
}

function parseInteger(key: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || String(number) !== value) {
    throw new BaselineError(CORE_ERROR_CODES.kv.notAnInteger, `value of key "${key}" is not an integer`, { details: { key } });
  }
  return number;
}

/**
 * A {@link KeyValueStore} inside this process, for development without Redis: the same semantics (expiry,
 * atomic operations, asynchronous pub/sub delivery), but nothing is shared with other processes or survives a
 * restart. Logs a warning saying so, once per process.
 *
 * @example
 * ```ts
 * const kv = createMemoryKeyValue({ logger });
 * ```
 */
export function createMemoryKeyValue({ prefix = 'baseline:', logger: parentLogger, sweepIntervalMs = 60_000 }: MemoryKeyValueOptions): KeyValueStore {
  const logger = parentLogger.child({ component: 'kv', kv: 'memory' });
  if (!warned) {
    warned = true;
    logger.warn('key-value store is in memory: single-process development only (set REDIS_URL to share state, ' + 'caches and pub/sub between processes)');
  }
  const data = new MemoryData();
  const handlers = new ChannelHandlers(logger);
  const sweeper = setInterval(() => data.sweep(), sweepIntervalMs);
  sweeper.unref();

  const store: KeyValueStore = {
    kind: 'memory',
    prefix,

    async get(key) {
      return data.read(key, 'string');
    },
    async set(key, value, options = {}) {
      data.write(key, value, expiresAt(options.ttlMs));
    },
    async setIfAbsent(key, value, ttlMs) {
      if (data.entry(key) !== undefined) return false;
      data.write(key, value, expiresAt(ttlMs));
      return true;
    },
    async setIfExists(key, value, options = {}) {
      const entry = data.entry(key);
      if (entry === undefined) return false;
      data.write(key, value, options.ttlMs === undefined ? entry.expiresAt : expiresAt(options.ttlMs));
      return true;
    },
    async getDel(key) {
      const value = data.read(key, 'string');
      if (value !== undefined) data.delete(key);
      return value;
    },
    async delIfEquals(key, value) {
      return data.read(key, 'string') === value && data.delete(key);
    },
    async del(...keys) {
      return keys.filter((key) => data.delete(key)).length;
    },
    async incr(key, { by = 1, ttlMs } = {}) {
      const entry = data.entry(key);
      const next = parseInteger(key, data.read(key, 'string')) + by;
      data.write(key, String(next), entry?.expiresAt ?? expiresAt(ttlMs));
      return next;
    },
    async expire(key, ttlMs) {
      const entry = data.entry(key);
      if (entry === undefined) return false;
      entry.expiresAt = Date.now() + ttlMs;
      return true;
    },
    async ttl(key) {
      const entry = data.entry(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt === undefined) return null;
      return Math.max(0, entry.expiresAt - Date.now());
    },
    async mget(keys) {
      // Like Redis MGET: a key of another type reads as missing instead of failing.
      return keys.map((key) => {
        const entry = data.entry(key);
        return entry?.type === 'string' ? entry.value : undefined;
      });
    },

    async hget(key, field) {
      return data.read(key, 'hash')?.get(field);
    },
    async hset(key, fields, options = {}) {
      const entries = Object.entries(fields);
      if (entries.length === 0) return;
      const hash = data.collection(key, 'hash');
      for (const [field, value] of entries) hash.set(field, value);
      if (options.ttlMs !== undefined) await store.expire(key, options.ttlMs);
    },
    async hgetall(key) {
      return Object.fromEntries(data.read(key, 'hash') ?? []);
    },
    async hdel(key, ...fields) {
      return data.removeFrom(key, 'hash', fields);
    },

    async sadd(key, ...members) {
      if (members.length === 0) return 0;
      const set = data.collection(key, 'set');
      let added = 0;
      for (const member of members) {
        if (!set.has(member)) {
          set.add(member);
          added += 1;
        }
      }
      return added;
    },
    async smembers(key) {
      return [...(data.read(key, 'set') ?? [])];
    },
    async srem(key, ...members) {
      return data.removeFrom(key, 'set', members);
    },

    async *scan(keyPrefix) {
      for (const key of data.keys()) if (key.startsWith(keyPrefix)) yield key;
    },

    async publish(channel, message) {
      // Delivered on a later turn of the event loop, as a message from Redis would be.
      setImmediate(() => handlers.deliver(channel, message));
    },
    async subscribe(channel, handler): Promise<Unsubscribe> {
      handlers.add(channel, handler);
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        handlers.remove(channel, handler);
      };
    },

    withLock(name, ttlMs, fn, options) {
      return withLock(store, name, ttlMs, fn, options);
    },
    async ping() {
      const started = performance.now();
      await new Promise<void>((resolve) => setImmediate(resolve));
      return performance.now() - started;
    },
    async close() {
      clearInterval(sweeper);
      handlers.clear();
      data.clear();
    },
  };
  return store;
}
