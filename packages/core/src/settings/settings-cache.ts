import { LRUCache } from 'lru-cache';

/**
 * The in-process cache of resolved settings, keyed by guild and namespace. Entries expire after a TTL (a safety
 * net) and are dropped when another process announces a change.
 *
 * A read that started before an invalidation must not put its stale result back: readers take a
 * {@link SettingsCache.generation} before reading the store and {@link SettingsCache.fill} ignores results
 * whose generation has passed.
 */
export class SettingsCache {
  /** Undefined when `ttlMs` is 0: nothing is cached. */
  readonly #entries: LRUCache<string, Readonly<Record<string, unknown>>> | undefined;
  #generation = 0;

  constructor(ttlMs: number, maxEntries: number) {
    this.#entries = ttlMs > 0 ? new LRUCache({ max: maxEntries, ttl: ttlMs }) : undefined;
  }

  get(guildId: string, namespace: string): Readonly<Record<string, unknown>> | undefined {
    return this.#entries?.get(cacheKey(guildId, namespace));
  }

  /** A token to pass to {@link SettingsCache.fill} after reading the store. */
  generation(): number {
    return this.#generation;
  }

  /** Caches a value read from the store, unless something was invalidated since `generation`. */
  fill(generation: number, guildId: string, namespace: string, value: Readonly<Record<string, unknown>>): void {
    if (generation === this.#generation) this.set(guildId, namespace, value);
  }

  /** Caches a value known to be current (just written by this process). */
  set(guildId: string, namespace: string, value: Readonly<Record<string, unknown>>): void {
    this.#entries?.set(cacheKey(guildId, namespace), value);
  }

  invalidate(guildId: string, namespace: string): void {
    this.#generation += 1;
    this.#entries?.delete(cacheKey(guildId, namespace));
  }

  clear(): void {
    this.#generation += 1;
    this.#entries?.clear();
  }
}

function cacheKey(guildId: string, namespace: string): string {
  return `${guildId}\u0000${namespace}`;
}
