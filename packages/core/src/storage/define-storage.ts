import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** A value plugin storage can hold: anything JSON. */
export type StorageValue = string | number | boolean | null | readonly StorageValue[] | { readonly [key: string]: StorageValue };

/** Brands what {@link defineStorage} returns, across copies of this package. */
export const STORAGE_DEFINITION = Symbol.for('baseline.storage-definition');

/** The keys of a plugin's per-guild storage and the value each key has before anything is stored. */
export interface StorageDefinition<Shape extends Record<string, StorageValue> = Record<string, StorageValue>> {
  readonly [STORAGE_DEFINITION]: true;
  readonly defaults: Readonly<Shape>;
}

/**
 * A default's type as a stored value's type: literals widened (`false` → `boolean`, `0` → `number`), so
 * `defineStorage({ paused: false })` accepts `set('paused', true)`. Spell a wider type with `as` (`null as string | null`).
 */
export type WidenStorageValue<Value> = Value extends string
  ? string
  : Value extends number
    ? number
    : Value extends boolean
      ? boolean
      : Value extends readonly (infer Item)[]
        ? WidenStorageValue<Item>[]
        : Value extends object
          ? { [Key in keyof Value]: WidenStorageValue<Value[Key]> }
          : Value;

/** The stored shape of a declared one: every default's type widened. */
export type WidenStorage<Shape> = { [Key in keyof Shape]: WidenStorageValue<Shape[Key]> };

/** The storage shape of a definition: `InferStorage<typeof storage>`. */
export type InferStorage<Definition> = Definition extends StorageDefinition<infer Shape> ? Shape : never;

/** The keys of a shape whose values are numbers: the ones `incr` accepts. */
export type NumericStorageKeys<Shape> = { [Key in keyof Shape]: Shape[Key] extends number ? Key : never }[keyof Shape] & string;

/** Storage keys: letters, digits, `_`, `-` and `.`, at most 128 characters (they name database rows and cache keys). */
const STORAGE_KEY = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * Declares a plugin's per-guild storage: small state (counters, toggles, last-seen ids) kept without a migration.
 * The object lists every key with its default; the keys and value types of `this.storage.guild(id)` come from it.
 * Prefer an entity with a migration for rows you query, list, join or that grow without bound.
 *
 * @param defaults - every key the plugin stores, with the value a guild has before anything is written (JSON).
 * @throws BaselineError `BL_ERR_STORAGE_DEFINITION_INVALID` for a key that is not a short identifier or a
 * default that is not JSON.
 * @example
 * ```ts
 * export const storage = defineStorage({ joins: 0, lastJoinedUserId: null as string | null, paused: false });
 * export default definePlugin({ id: 'welcome', name: 'Welcome', version: '1.0.0', storage, cogs: [WelcomeCog] });
 * ```
 */
export function defineStorage<Shape extends Record<string, StorageValue>>(defaults: Shape): StorageDefinition<WidenStorage<Shape>> {
  for (const [key, value] of Object.entries(defaults)) {
    if (!STORAGE_KEY.test(key)) {
      throw new BaselineError(CORE_ERROR_CODES.storage.definitionInvalid, `storage key "${key}" must be 1–128 letters, digits, "_", "-" or "."`, {
        details: { key },
      });
    }
    if (!isJson(value)) {
      throw new BaselineError(
        CORE_ERROR_CODES.storage.definitionInvalid,
        `the default of storage key "${key}" must be JSON (string, number, boolean, null, array or plain object)`,
        { details: { key } },
      );
    }
  }
  return Object.freeze({ [STORAGE_DEFINITION]: true as const, defaults: Object.freeze({ ...defaults }) as WidenStorage<Shape> });
}

/** True for what {@link defineStorage} returned. */
export function isStorageDefinition(value: unknown): value is StorageDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[STORAGE_DEFINITION] === true;
}

/** True for values that survive `JSON.stringify` and `JSON.parse` unchanged. */
export function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isJson);
  return false;
}
