import { Collection, LimitedCollection, type CacheFactory, type CacheWithLimitsOptions, type LimitedCollectionOptions } from 'discord.js';
import { emptyCollection } from './empty-collection.js';
import { createLazyCollectionClass } from './lazy-collection.js';

/**
 * Managers whose caches stay plain collections even when lazy: one per client, or never empty in a guild
 * (every guild has roles, channels and the bot's own member), so laziness would only add a lookup.
 */
const EAGER_MANAGERS = new Set(['GuildManager', 'ChannelManager', 'UserManager', 'GuildChannelManager', 'RoleManager', 'GuildMemberManager']);

/** Options of {@link createMakeCache}. */
export interface MakeCacheOptions {
  /**
   * Caches of per-guild and per-channel managers allocate their storage on the first entry (see
   * {@link createLazyCollectionClass}); `false` gives plain discord.js collections.
   * @default true
   */
  lazy?: boolean;
}

type Limits = LimitedCollectionOptions<unknown, unknown>;

function limitsOf(setting: CacheWithLimitsOptions[keyof CacheWithLimitsOptions] | undefined): Limits | undefined {
  if (setting === undefined || setting === null) return undefined;
  const limits: Limits = typeof setting === 'number' ? { maxSize: setting } : (setting as Limits);
  return limits.maxSize === undefined || limits.maxSize === null || limits.maxSize === Infinity ? undefined : limits;
}

/**
 * A discord.js `makeCache` with the semantics of `Options.cacheWithLimits` (a setting per manager class name,
 * the specific manager's before its base's, e.g. `GuildMessageManager` before `MessageManager`), using less
 * memory for the same entries: every cache limited to 0 without `keepOverLimit` is one shared empty collection,
 * and per-guild and per-channel caches are lazy.
 *
 * @param settings - limits per manager class name, as for `Options.cacheWithLimits`.
 * @param options - {@link MakeCacheOptions}.
 * @example
 * ```ts
 * new Client({ intents, makeCache: createMakeCache({ MessageManager: 50, PresenceManager: 0 }) });
 * ```
 */
export function createMakeCache(settings: CacheWithLimitsOptions, options: MakeCacheOptions = {}): CacheFactory {
  const lazy = options.lazy ?? true;
  const factories = new Map<string, () => Collection<unknown, unknown>>();
  const factoryFor = (name: string, limits: Limits | undefined): (() => Collection<unknown, unknown>) => {
    if (limits?.maxSize === 0 && !limits.keepOverLimit) return () => emptyCollection;
    if (lazy && !EAGER_MANAGERS.has(name)) {
      const LazyCollection = createLazyCollectionClass(limits);
      return () => new LazyCollection();
    }
    return limits ? () => new LimitedCollection(limits) : () => new Collection();
  };
  return ((managerType: { name: string }, _holds: unknown, manager: { name: string }) => {
    const key = `${managerType.name}/${manager.name}`;
    let factory = factories.get(key);
    if (!factory) {
      const setting = settings[manager.name as keyof CacheWithLimitsOptions] ?? settings[managerType.name as keyof CacheWithLimitsOptions];
      factory = factoryFor(manager.name ?? managerType.name, limitsOf(setting));
      factories.set(key, factory);
    }
    return factory();
  }) as CacheFactory;
}
