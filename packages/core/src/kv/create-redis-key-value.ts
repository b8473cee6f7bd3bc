import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ChannelHandlers } from './channel-handlers.js';
import type { KeyValueStore, MessageHandler, Unsubscribe } from './key-value-store.js';
import { DEL_IF_EQUALS, INCR_WITH_EXPIRY } from './redis-scripts.js';
import { withLock } from './with-lock.js';

/** Options of {@link createRedisKeyValue}. */
export interface RedisKeyValueOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /**
   * Prepended to every key and channel, so several deployments or tests can share one server.
   * @default 'baseline:'
   */
  prefix?: string;
  logger: Logger;
}

/**
 * True for the errors a Redis-backed store throws while Redis is unreachable (connection lost and not back after
 * one reconnection attempt, or closed): the caller should answer "temporarily unavailable", not fail as a bug.
 */
export function isKeyValueUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    error.message === 'Connection is closed.' ||
    error.message.startsWith("Stream isn't writeable") ||
    /\b(?:ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)\b/.test(error.message)
  );
}

/** Escapes Redis glob characters so a literal prefix can be used in `SCAN MATCH`. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** The URL without credentials, safe to log. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '<unparseable url>';
  }
}

function watchConnection(client: Redis, logger: Logger, role: string): void {
  // Without an `error` listener ioredis reports every failed reconnect attempt as an unhandled error.
  client.on('error', (error: Error) => logger.warn({ err: error, role }, 'redis connection error'));
  client.on('reconnecting', (delayMs: number) => logger.debug({ role, delay_ms: delayMs }, 'redis reconnecting'));
  client.on('ready', () => logger.debug({ role }, 'redis connection ready'));
}

/**
 * A {@link KeyValueStore} on Redis through ioredis. Commands use one connection that reconnects by itself;
 * pub/sub uses a second connection, opened on the first `subscribe`, whose subscriptions ioredis restores
 * after a reconnect. Operations that must be atomic use `SET NX PX`, `SET XX KEEPTTL`, `GETDEL`, `MULTI` or Lua scripts.
 *
 * @example
 * ```ts
 * const kv = createRedisKeyValue({ url: config.redis.url!, prefix: 'mybot:', logger });
 * await kv.set('oauth:state:abc', '1', { ttlMs: 600_000 });
 * ```
 */
export function createRedisKeyValue({ url, prefix = 'baseline:', logger: parentLogger }: RedisKeyValueOptions): KeyValueStore {
  const logger = parentLogger.child({ component: 'kv', kv: 'redis' });
  // One reconnection attempt per command, not ioredis's twenty: while Redis is down a command fails within a
  // second (callers answer "unavailable", see `isKeyValueUnavailable`) instead of holding its caller for a minute.
  // Auto-pipelining: commands issued during one event-loop turn (every request whose bytes arrived in that turn)
  // go out as one write and come back as one read, which on a busy API process saves most of the per-command
  // socket cost and about half of Redis's CPU (`npm run bench -- api` prints both). Order per connection is kept.
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
  watchConnection(client, logger, 'commands');
  logger.info({ url: describeUrl(url), prefix }, 'key-value store on redis');

  const handlers = new ChannelHandlers(logger);
  let subscriber: Redis | undefined;
  const k = (key: string): string => prefix + key;

  function subscriberConnection(): Redis {
    if (subscriber === undefined) {
      subscriber = client.duplicate({ enableAutoPipelining: false });
      watchConnection(subscriber, logger, 'subscriber');
      subscriber.on('message', (channel: string, message: string) => {
        if (channel.startsWith(prefix)) handlers.deliver(channel.slice(prefix.length), message);
      });
    }
    return subscriber;
  }

  const store: KeyValueStore = {
    kind: 'redis',
    prefix,
    redis: client,

    async get(key) {
      return (await client.get(k(key))) ?? undefined;
    },
    async set(key, value, options = {}) {
      if (options.ttlMs === undefined) await client.set(k(key), value);
      else await client.set(k(key), value, 'PX', options.ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      const result = ttlMs === undefined ? await client.set(k(key), value, 'NX') : await client.set(k(key), value, 'PX', ttlMs, 'NX');
      return result === 'OK';
    },
    async setIfExists(key, value, options = {}) {
      const result =
        options.ttlMs === undefined
          ? await client.call('SET', k(key), value, 'KEEPTTL', 'XX')
          : await client.call('SET', k(key), value, 'PX', String(options.ttlMs), 'XX');
      return result === 'OK';
    },
    async getDel(key) {
      return (await client.getdel(k(key))) ?? undefined;
    },
    async delIfEquals(key, value) {
      return (await client.eval(DEL_IF_EQUALS, 1, k(key), value)) === 1;
    },
    async del(...keys) {
      return keys.length === 0 ? 0 : client.del(...keys.map(k));
    },
    async incr(key, { by = 1, ttlMs = 0 } = {}) {
      return Number(await client.eval(INCR_WITH_EXPIRY, 1, k(key), by, ttlMs));
    },
    async expire(key, ttlMs) {
      return (await client.pexpire(k(key), ttlMs)) === 1;
    },
    async ttl(key) {
      const ms = await client.pttl(k(key));
      if (ms === -2) return undefined;
      if (ms === -1) return null;
      return ms;
    },
    async mget(keys) {
      if (keys.length === 0) return [];
      return (await client.mget(...keys.map(k))).map((value) => value ?? undefined);
    },

    async hget(key, field) {
      return (await client.hget(k(key), field)) ?? undefined;
    },
    async hset(key, fields, options = {}) {
      if (Object.keys(fields).length === 0) return;
      const transaction = client.multi().hset(k(key), fields);
      if (options.ttlMs !== undefined) transaction.pexpire(k(key), options.ttlMs);
      await transaction.exec();
    },
    async hgetall(key) {
      return client.hgetall(k(key));
    },
    async hdel(key, ...fields) {
      return fields.length === 0 ? 0 : client.hdel(k(key), ...fields);
    },

    async sadd(key, ...members) {
      return members.length === 0 ? 0 : client.sadd(k(key), ...members);
    },
    async smembers(key) {
      return client.smembers(k(key));
    },
    async srem(key, ...members) {
      return members.length === 0 ? 0 : client.srem(k(key), ...members);
    },

    async *scan(keyPrefix) {
      const pattern = `${escapeGlob(prefix + keyPrefix)}*`;
      // SCAN may return a key more than once; report each once.
      const seen = new Set<string>();
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
        cursor = next;
        for (const key of keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          yield key.slice(prefix.length);
        }
      } while (cursor !== '0');
    },

    async publish(channel, message) {
      await client.publish(k(channel), message);
    },
    async subscribe(channel, handler: MessageHandler): Promise<Unsubscribe> {
      const connection = subscriberConnection();
      // Commands on one connection run in order, so a SUBSCRIBE sent after a pending UNSUBSCRIBE of the same
      // channel always wins.
      if (handlers.add(channel, handler)) await connection.subscribe(k(channel));
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        if (handlers.remove(channel, handler)) await connection.unsubscribe(k(channel));
      };
    },

    withLock(name, ttlMs, fn, options) {
      return withLock(store, name, ttlMs, fn, options);
    },
    async ping() {
      const started = performance.now();
      await client.ping();
      return performance.now() - started;
    },
    async close() {
      handlers.clear();
      const connections = subscriber === undefined ? [client] : [client, subscriber];
      await Promise.all(
        connections.map(async (connection) => {
          // QUIT waits in the offline queue while the server is unreachable, possibly forever: only a ready
          // connection is closed politely.
          if (connection.status !== 'ready') {
            connection.disconnect();
            return;
          }
          try {
            await connection.quit();
          } catch {
            // Quitting a connection that never came up fails; dropping it is all that is left to do.
            connection.disconnect();
          }
        }),
      );
    },
  };
  return store;
}
