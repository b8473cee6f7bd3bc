export type { IncrOptions, KeyValueStore, LockOptions, MessageHandler, SetOptions, Unsubscribe } from './key-value-store.js';
export { createKeyValue, type KeyValueOptions } from './create-key-value.js';
export { createRedisKeyValue, isKeyValueUnavailable, type RedisKeyValueOptions } from './create-redis-key-value.js';
export { createMemoryKeyValue, type MemoryKeyValueOptions } from './create-memory-key-value.js';
export { lockKey } from './with-lock.js';
