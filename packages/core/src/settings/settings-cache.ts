interface Entry {
  value: Readonly<Record<string, unknown>>;
  expiresAt: number;
}

/**
 * The in-process cache of resolved settings, keyed by guild and namespace. Entries expire after a TTL (a safety
 * net) and are dropped when another process announces a change.
 *
 * A read that started before an invalidation must not put its stale result back: readers take a
 * {@link SettingsCache.generation} before reading the store and {@link SettingsCache.fill} ignores results
 * whose generation has passed.
 */
export class SettingsCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  #generation = 0;

  constructor(ttlMs: number, maxEntries: number) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  get(guildId: string, namespace: string): Readonly<Record<string, unknown>> | undefined {
    const key = cacheKey(guildId, namespace);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
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
    if (this.#ttlMs <= 0) return;
    const key = cacheKey(guildId, namespace);
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAt: Date.now() + this.#ttlMs });
  }

  invalidate(guildId: string, namespace: string): void {
    this.#generation += 1;
    this.#entries.delete(cacheKey(guildId, namespace));
  }

  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

function cacheKey(guildId: string, namespace: string): string {
  return `${guildId}\u0000${namespace}`;
}
