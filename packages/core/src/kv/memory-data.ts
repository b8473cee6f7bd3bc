import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

interface ValueTypes {
  string: string;
  hash: Map<string, string>;
  set: Set<string>;
}

type ValueType = keyof ValueTypes;

type Entry = { [T in ValueType]: { type: T; value: ValueTypes[T]; expiresAt: number | undefined } }[ValueType];

/**
 * The keyspace of the in-memory store with Redis semantics: typed values, lazy expiry on access plus a periodic
 * sweep, and a `WRONGTYPE` error when a key is used as another type.
 */
export class MemoryData {
  readonly #entries = new Map<string, Entry>();

  /** The live entry of `key`, dropping it first if it expired. */
  entry(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** The value of `key` when it holds `type`; throws like Redis's `WRONGTYPE` otherwise. */
  read<T extends ValueType>(key: string, type: T): ValueTypes[T] | undefined {
    const entry = this.entry(key);
    if (entry === undefined) return undefined;
    if (entry.type !== type) {
      throw new BaselineError(CORE_ERROR_CODES.kv.wrongType, `WRONGTYPE key "${key}" holds a ${entry.type}, not a ${type}`, {
        details: { key, actual: entry.type, expected: type },
      });
    }
    return entry.value as ValueTypes[T];
  }

  /** The hash or set of `key`, created empty (without expiry) when missing. */
  collection<T extends 'hash' | 'set'>(key: string, type: T): ValueTypes[T] {
    const existing = this.read(key, type);
    if (existing !== undefined) return existing;
    const value = (type === 'hash' ? new Map<string, string>() : new Set<string>()) as ValueTypes[T];
    this.#entries.set(key, { type, value, expiresAt: undefined } as Entry);
    return value;
  }

  /** Replaces `key` with a string value and the given expiry. */
  write(key: string, value: string, expiresAt: number | undefined): void {
    this.#entries.set(key, { type: 'string', value, expiresAt });
  }

  delete(key: string): boolean {
    return this.entry(key) !== undefined && this.#entries.delete(key);
  }

  /**
   * Removes fields of a hash or members of a set, dropping the key once it is empty (as Redis does).
   * @returns how many of `items` were present
   */
  removeFrom(key: string, type: 'hash' | 'set', items: readonly string[]): number {
    const collection = this.read(key, type);
    if (collection === undefined) return 0;
    const removed = items.filter((item) => collection.delete(item)).length;
    if (collection.size === 0) this.#entries.delete(key);
    return removed;
  }

  /** Live keys, in insertion order. */
  *keys(): Generator<string> {
    for (const key of [...this.#entries.keys()]) if (this.entry(key) !== undefined) yield key;
  }

  /** Removes every expired entry. */
  sweep(): void {
    for (const key of [...this.#entries.keys()]) this.entry(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
