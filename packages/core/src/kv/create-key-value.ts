import type { Logger } from 'pino';
import { createMemoryKeyValue } from './create-memory-key-value.js';
import { createRedisKeyValue } from './create-redis-key-value.js';
import type { KeyValueStore } from './key-value-store.js';

/** Options of {@link createKeyValue}. */
export interface KeyValueOptions {
  /** Redis URL; without one the store lives in memory (single process, development). */
  redisUrl?: string | undefined;
  /**
   * Prepended to every key and channel.
   * @default 'baseline:'
   */
  prefix?: string;
  logger: Logger;
}

/**
 * The platform's key-value store: Redis when `redisUrl` is set, otherwise in memory.
 *
 * @example
 * ```ts
 * const kv = createKeyValue({ redisUrl: config.redis.url, logger });
 * ```
 */
export function createKeyValue({ redisUrl, prefix, logger }: KeyValueOptions): KeyValueStore {
  const common = prefix === undefined ? { logger } : { prefix, logger };
  return redisUrl ? createRedisKeyValue({ url: redisUrl, ...common }) : createMemoryKeyValue(common);
}
