// Per-guild plugin storage without migrations: typed keys, PostgreSQL-persisted, cached in the key-value store.
export {
  defineStorage,
  isStorageDefinition,
  STORAGE_DEFINITION,
  type InferStorage,
  type NumericStorageKeys,
  type StorageDefinition,
  type StorageValue,
  type WidenStorage,
  type WidenStorageValue,
} from './define-storage.js';
export {
  createPluginStorage,
  PLUGIN_STORAGE_CACHE_TTL_MS,
  type CreatePluginStorageOptions,
  type GuildStorage,
  type PluginStorage,
} from './create-plugin-storage.js';
