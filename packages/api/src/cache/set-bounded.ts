/**
 * Sets `key` as the newest entry of a map that holds at most `maxEntries`: an existing entry moves to the end, and
 * when the map is full the oldest entry (the first in insertion order) is dropped first.
 */
export function setBounded<K, V>(entries: Map<K, V>, key: K, value: V, maxEntries: number): void {
  entries.delete(key);
  if (entries.size >= maxEntries) {
    const oldest = entries.keys().next();
    if (oldest.done !== true) entries.delete(oldest.value);
  }
  entries.set(key, value);
}
