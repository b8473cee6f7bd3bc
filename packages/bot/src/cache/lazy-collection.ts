import { inspect } from 'node:util';
import { Collection, LimitedCollection, type LimitedCollectionOptions } from 'discord.js';
import { emptyCollection } from './empty-collection.js';

/**
 * The storage of a lazy collection: absent while it is empty. A symbol key keeps it off `Object.keys` and
 * discord.js' `toJSON`.
 */
const store = Symbol('baseline.lazyCollection.store');

interface LazyInstance {
  [store]: Collection<unknown, unknown> | undefined;
}

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Methods that never add an entry and call back with the collection only per entry: while the lazy collection is
 * empty they run on {@link emptyCollection}. `delete`, `clear`, `sweep`, `sort` and `reverse` change nothing on
 * an empty collection and free the storage once they leave it empty.
 */
const readMethods = new Set<PropertyKey>([
  'get',
  'has',
  'keys',
  'values',
  'entries',
  'forEach',
  Symbol.iterator,
  'hasAll',
  'hasAny',
  'first',
  'firstKey',
  'last',
  'lastKey',
  'at',
  'keyAt',
  'random',
  'randomKey',
  'find',
  'findKey',
  'findLast',
  'findLastKey',
  'filter',
  'partition',
  'flatMap',
  'map',
  'mapValues',
  'some',
  'every',
  'reduce',
  'reduceRight',
  'each',
  'clone',
  'concat',
  'equals',
  'intersect',
  'subtract',
  'difference',
  'symmetricDifference',
  'merge',
  'toJSON',
  'sorted',
  'toReversed',
  'toSorted',
  'delete',
  'clear',
  'sweep',
  'sort',
  'reverse',
]);

function forward(name: PropertyKey, create: () => Collection<unknown, unknown>): AnyMethod {
  const grows = !readMethods.has(name);
  return function (this: unknown, ...args: unknown[]) {
    const lazy = this as LazyInstance;
    const target = lazy[store] ?? (grows ? (lazy[store] = create()) : emptyCollection);
    const result = (target[name as keyof typeof target] as AnyMethod).apply(target, args);
    if (target !== emptyCollection && target.size === 0) lazy[store] = undefined;
    return result === target ? this : result;
  };
}

/**
 * The class of a collection that allocates its `Map` on the first write and drops it whenever it becomes empty
 * again. An empty `Map` costs about 180 bytes in V8, and discord.js gives every channel three caches (messages,
 * threads, permission overwrites) that stay empty in most channels; an empty lazy collection costs one slot.
 *
 * Instances behave as `create()`'s collection: `instanceof Collection` (and `LimitedCollection` when limited),
 * every `Collection` and `Map` method, `size`, iteration, `maxSize` and `keepOverLimit`. They are not real
 * `Map`s: `Map.prototype` methods called on them directly throw and `util.types.isMap` is false. Callbacks
 * that receive the collection (`each`, `filter`, `ensure`'s generator, `keepOverLimit`, …) receive the storage
 * collection, which holds the same entries. Methods this class does not know allocate the storage first, so
 * methods added to `Collection` later stay correct.
 *
 * @param options - the limits of the storage collection; none (or `maxSize` `Infinity`) for a plain `Collection`.
 * @returns a constructor; every collection of one factory shares its prototype.
 */
export function createLazyCollectionClass(options?: LimitedCollectionOptions<unknown, unknown>): new () => Collection<unknown, unknown> {
  const maxSize = options?.maxSize ?? Infinity;
  const limited = maxSize !== Infinity;
  const base = limited ? LimitedCollection : Collection;
  const create = limited ? () => new LimitedCollection(options) : () => new Collection();

  class LazyCollection implements LazyInstance {
    [store]: Collection<unknown, unknown> | undefined = undefined;
  }
  const prototype = LazyCollection.prototype as unknown as Record<PropertyKey, unknown>;
  Object.setPrototypeOf(prototype, base.prototype);
  // discord.js warns when the caches of channels, roles and overwrites are not named `Collection`: an unlimited
  // lazy collection keeps every entry, so it reports the class of its storage.
  Reflect.deleteProperty(prototype, 'constructor');
  const names = new Set<PropertyKey>();
  for (let level: object | null = base.prototype; level && level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const name of Reflect.ownKeys(level)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(level, name)!;
      if (name !== 'constructor' && typeof descriptor.value === 'function') names.add(name);
    }
  }
  for (const name of names) {
    Object.defineProperty(prototype, name, { value: forward(name, create), writable: true, configurable: true });
  }
  Object.defineProperties(prototype, {
    size: {
      get: function (this: LazyInstance) {
        return this[store]?.size ?? 0;
      },
      configurable: true,
    },
    // `tap` hands over the collection itself even when it is empty: give it the lazy collection, never the
    // shared empty one.
    tap: {
      value: function (this: LazyInstance, fn: (collection: unknown) => void, thisArg?: unknown) {
        fn.call(thisArg, this);
        return this;
      },
      writable: true,
      configurable: true,
    },
    [inspect.custom]: {
      value: function (this: LazyInstance, depth: number, inspectOptions: object) {
        return inspect(this[store] ?? new base(), { ...inspectOptions, depth });
      },
      configurable: true,
    },
  });
  if (limited) {
    Object.defineProperties(prototype, {
      maxSize: { value: maxSize, configurable: true },
      keepOverLimit: { value: options?.keepOverLimit ?? null, configurable: true },
    });
  }
  return LazyCollection as unknown as new () => Collection<unknown, unknown>;
}
