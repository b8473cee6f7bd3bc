import type { Database } from '../database/create-database.js';
import {
  deletePluginStorage,
  incrementPluginStorage,
  readAllPluginStorage,
  readPluginStorage,
  writePluginStorage,
} from '../database/repositories/plugin-storage-repository.js';
import { BaselineError } from '../errors/baseline-error.js';
import type { KeyValueStore } from '../kv/key-value-store.js';
import { isJson, type NumericStorageKeys, type StorageDefinition, type StorageValue } from './define-storage.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** How long a value read from PostgreSQL stays in the key-value store. */
export const PLUGIN_STORAGE_CACHE_TTL_MS = 600_000;

/** One guild's storage of one plugin, typed by the plugin's {@link StorageDefinition}. */
export interface GuildStorage<Shape extends Record<string, StorageValue>> {
  /** The stored value, or the key's default when nothing is stored. */
  get<Key extends keyof Shape & string>(key: Key): Promise<Shape[Key]>;
  /** Every key, stored values over defaults. */
  all(): Promise<Shape>;
  /** Stores a value (persisted in PostgreSQL before it resolves). */
  set<Key extends keyof Shape & string>(key: Key, value: Shape[Key]): Promise<void>;
  /** Adds `by` to a numeric key atomically across every process and returns the new value. @default by 1 */
  incr(key: NumericStorageKeys<Shape>, by?: number): Promise<number>;
  /** Removes the stored value: the key reads as its default again. */
  reset(key: keyof Shape & string): Promise<void>;
}

/** A plugin's storage: `guild(guildId)` scopes it to one guild. */
export interface PluginStorage<Shape extends Record<string, StorageValue>> {
  guild(guildId: string): GuildStorage<Shape>;
}

/** Options of {@link createPluginStorage}. */
export interface CreatePluginStorageOptions<Shape extends Record<string, StorageValue>> {
  db: Database;
  kv: KeyValueStore;
  /** The plugin's id: its rows and cache keys are apart from every other plugin's. */
  pluginId: string;
  definition: StorageDefinition<Shape>;
}

/**
 * Per-guild key-value storage for a plugin, without migrations: PostgreSQL (`plugin_storage`, through core's
 * repository) holds every value, the key-value store caches reads under `storage:<plugin>:<guild>:<key>`. Writes go
 * to PostgreSQL first and then drop the cached value, so a value written by one process is read by every other,
 * and flushing Redis loses nothing. A read racing a write from another process may return the previous value;
 * `incr` never loses a count (the addition runs inside PostgreSQL).
 *
 * Cogs use it as `this.storage.guild(guildId)`; routes and hooks call this with `services.db` and `services.kv`.
 *
 * @example
 * ```ts
 * const storage = createPluginStorage({ db: services.db, kv: services.kv, pluginId: 'welcome', definition });
 * const joins = await storage.guild(guildId).incr('joins');
 * ```
 */
export function createPluginStorage<Shape extends Record<string, StorageValue>>(options: CreatePluginStorageOptions<Shape>): PluginStorage<Shape> {
  const { db, kv, pluginId, definition } = options;
  const defaults = definition.defaults as Shape;
  const known = (key: string): string => {
    if (!Object.hasOwn(defaults, key)) {
      throw new BaselineError(
        CORE_ERROR_CODES.storage.keyUnknown,
        `plugin "${pluginId}" has no storage key "${key}"; declare it with a default in defineStorage({...})`,
        {
          details: { pluginId, key, keys: Object.keys(defaults) },
        },
      );
    }
    return key;
  };
  return {
    guild(guildId) {
      const cacheKey = (key: string) => `storage:${pluginId}:${guildId}:${key}`;
      const address = (key: string) => ({ guildId, pluginId, key: known(key) });
      const read = async (key: string): Promise<unknown> => {
        const cached = await kv.get(cacheKey(key));
        // The cache holds `[value]` for a stored value and `[]` for "nothing stored", so a miss is told apart.
        const entry = cached === undefined ? undefined : (JSON.parse(cached) as [unknown?]);
        if (entry !== undefined) return entry.length === 0 ? defaults[key] : entry[0];
        const stored = await readPluginStorage(db, address(key));
        await kv.set(cacheKey(key), JSON.stringify(stored === undefined ? [] : [stored]), { ttlMs: PLUGIN_STORAGE_CACHE_TTL_MS });
        return stored === undefined ? defaults[key] : stored;
      };
      return {
        get: async (key) => (await read(known(key))) as Shape[typeof key],
        async all() {
          const stored = await readAllPluginStorage(db, { guildId, pluginId });
          const known = Object.fromEntries(Object.entries(stored).filter(([key]) => Object.hasOwn(defaults, key)));
          return { ...defaults, ...known } as Shape;
        },
        async set(key, value) {
          if (!isJson(value)) {
            throw new BaselineError(
              CORE_ERROR_CODES.storage.valueInvalid,
              `storage key "${key}" of plugin "${pluginId}" takes JSON values (string, number, boolean, null, array, plain object)`,
              {
                details: { pluginId, key },
              },
            );
          }
          await writePluginStorage(db, address(key), value);
          await kv.del(cacheKey(key));
        },
        async incr(key, by = 1) {
          const initial = defaults[known(key)];
          if (typeof initial !== 'number' || !Number.isFinite(by)) {
            throw new BaselineError(
              CORE_ERROR_CODES.storage.valueInvalid,
              `incr needs a numeric storage key and a finite step; "${key}" of plugin "${pluginId}" defaults to ${JSON.stringify(initial)}`,
              {
                details: { pluginId, key, by },
              },
            );
          }
          const value = await incrementPluginStorage(db, address(key), by, initial);
          await kv.del(cacheKey(key));
          return value;
        },
        async reset(key) {
          await deletePluginStorage(db, address(key));
          await kv.del(cacheKey(key));
        },
      };
    },
  };
}
