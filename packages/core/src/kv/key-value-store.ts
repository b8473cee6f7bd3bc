import type { Redis } from 'ioredis';

/** Options of {@link KeyValueStore.set}. */
export interface SetOptions {
  /** Time to live in milliseconds; the key disappears afterwards. Omit for no expiry. */
  ttlMs?: number;
}

/** Options of {@link KeyValueStore.incr}. */
export interface IncrOptions {
  /**
   * How much to add.
   * @default 1
   */
  by?: number;
  /**
   * Expiry set when the increment leaves the key without one (it was just created), so a counter lives for
   * one fixed window: the basis of rate limits. An existing expiry is never extended.
   */
  ttlMs?: number;
}

/** Options of {@link KeyValueStore.withLock}. */
export interface LockOptions {
  /**
   * How long to keep retrying while another holder has the lock, in milliseconds. With `0` a busy lock
   * fails at once with `BL_ERR_KV_LOCK_BUSY`.
   * @default 0
   */
  waitMs?: number;
  /**
   * Pause between attempts while waiting, in milliseconds.
   * @default 100
   */
  retryMs?: number;
}

/** Receives the messages published on one channel. */
export type MessageHandler = (message: string, channel: string) => void | Promise<void>;

/** Stops one subscription; resolves once the channel no longer delivers to that handler. */
export type Unsubscribe = () => Promise<void>;

/**
 * The one key-value and pub/sub interface of the platform: settings caches, sessions, OAuth state, rate-limit
 * counters, shard status and locks all go through it.
 *
 * Every key and channel is namespaced by the store's `prefix`: callers pass bare names (`session:abc`) and
 * receive bare names back from {@link KeyValueStore.scan}. Values are strings; callers serialize.
 *
 * Two implementations behave the same: Redis (many processes) and in-memory (one process, development).
 */
export interface KeyValueStore {
  /** Which implementation this is. */
  readonly kind: 'redis' | 'memory';
  /** Prepended to every key and channel, e.g. `baseline:`. */
  readonly prefix: string;
  /**
   * The underlying ioredis client when Redis is used, for libraries that need their own connection
   * (BullMQ, rate limiters). Its keys are NOT prefixed automatically.
   */
  readonly redis?: Redis;

  /** The value of a string key, or `undefined` when it does not exist. */
  get(key: string): Promise<string | undefined>;
  /** Sets a string key, replacing any value and any previous expiry. */
  set(key: string, value: string, options?: SetOptions): Promise<void>;
  /**
   * Sets a string key only when it does not exist yet (`SET NX PX`). Returns whether it was set. The basis of
   * locks and single-use state.
   */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /**
   * Replaces a key's value only while the key exists (`SET XX`), atomically: an update that must not recreate
   * something deleted meanwhile (a session ended by logout). Without `ttlMs` the key keeps its expiry (`KEEPTTL`);
   * with it, the expiry is replaced. Returns whether the key existed and was set.
   */
  setIfExists(key: string, value: string, options?: SetOptions): Promise<boolean>;
  /** Returns and deletes a string key in one atomic step: single-use state such as OAuth `state` values. */
  getDel(key: string): Promise<string | undefined>;
  /** Deletes a key only while it still holds `value`, atomically. Returns whether it was deleted. */
  delIfEquals(key: string, value: string): Promise<boolean>;
  /** Deletes keys of any type; returns how many existed. */
  del(...keys: string[]): Promise<number>;
  /** Adds to an integer key (created at 0) and returns the new value. */
  incr(key: string, options?: IncrOptions): Promise<number>;
  /** Sets a key's time to live. Returns `false` when the key does not exist. */
  expire(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Remaining time to live in milliseconds; `null` when the key exists without expiry, `undefined` when it
   * does not exist.
   */
  ttl(key: string): Promise<number | null | undefined>;
  /** Values of several string keys, `undefined` for missing ones, in the order asked. */
  mget(keys: readonly string[]): Promise<(string | undefined)[]>;

  /** One field of a hash. */
  hget(key: string, field: string): Promise<string | undefined>;
  /** Sets fields of a hash (others are kept); `ttlMs` sets the whole hash's expiry. */
  hset(key: string, fields: Readonly<Record<string, string>>, options?: SetOptions): Promise<void>;
  /** Every field of a hash; `{}` when it does not exist. */
  hgetall(key: string): Promise<Record<string, string>>;
  /** Deletes fields of a hash; returns how many existed. */
  hdel(key: string, ...fields: string[]): Promise<number>;

  /** Adds members to a set; returns how many were new. */
  sadd(key: string, ...members: string[]): Promise<number>;
  /** Every member of a set, in no particular order. */
  smembers(key: string): Promise<string[]>;
  /** Removes members from a set; returns how many were present. */
  srem(key: string, ...members: string[]): Promise<number>;

  /**
   * Every existing key starting with `keyPrefix` (bare names, without the store prefix). Iterates in batches
   * (`SCAN`), never blocking the server; keys written during the scan may or may not appear.
   */
  scan(keyPrefix: string): AsyncIterable<string>;

  /** Publishes a message to every subscriber of `channel`, in every process sharing the store. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Delivers messages published on `channel` to `handler`, asynchronously, from the moment the returned
   * promise resolves. A handler that throws is logged, never breaks delivery.
   *
   * @returns a function that ends this subscription.
   */
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;

  /**
   * Runs `fn` while holding the lock `name` (key `lock:<name>`) for at most `ttlMs`. The lock is released
   * afterwards only if this holder still owns it (a random token is checked), so a holder whose lock expired
   * never releases someone else's.
   *
   * @throws BaselineError `BL_ERR_KV_LOCK_BUSY` when another holder keeps the lock past `waitMs`.
   * @example
   * ```ts
   * await kv.withLock('commands-sync', 60_000, () => syncCommands());
   * ```
   */
  withLock<T>(name: string, ttlMs: number, fn: () => Promise<T> | T, options?: LockOptions): Promise<T>;

  /** Round trip to the server in milliseconds (for health checks). */
  ping(): Promise<number>;
  /** Closes connections and timers; the store is unusable afterwards. */
  close(): Promise<void>;
}
