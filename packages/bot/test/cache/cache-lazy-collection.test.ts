import { inspect, types } from 'node:util';
import { Collection, LimitedCollection } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLazyCollectionClass } from '../../src/cache/lazy-collection.js';

const storageOf = (collection: object) => Object.getOwnPropertySymbols(collection).map((symbol) => (collection as Record<symbol, unknown>)[symbol])[0];

/** Runs the same script on a lazy collection and on a real one and returns both transcripts. */
function both<T>(script: (collection: Collection<string, number>) => T, limits?: { maxSize: number; keepOverLimit?: (value: number) => boolean }) {
  const Lazy = createLazyCollectionClass(limits as never);
  const lazy = new Lazy() as Collection<string, number>;
  const real = limits ? new LimitedCollection<string, number>(limits) : new Collection<string, number>();
  return { lazy: script(lazy), real: script(real) };
}

describe('lazy collection', () => {
  it('GIVEN every Collection and Map method THEN the lazy prototype forwards each itself, none reaches Map internals on the wrapper', () => {
    for (const limits of [undefined, { maxSize: 5 }]) {
      const Lazy = createLazyCollectionClass(limits);
      const base = limits ? LimitedCollection.prototype : Collection.prototype;
      const names = new Set<PropertyKey>();
      for (let level: object | null = base; level && level !== Object.prototype; level = Object.getPrototypeOf(level) as object | null) {
        for (const name of Reflect.ownKeys(level))
          if (name !== 'constructor' && typeof Reflect.getOwnPropertyDescriptor(level, name)!.value === 'function') names.add(name);
      }
      expect(names.size).toBeGreaterThan(40);
      for (const name of names) expect(Object.hasOwn(Lazy.prototype, name), String(name)).toBe(true);
      expect(Object.hasOwn(Lazy.prototype, 'size')).toBe(true);
    }
  });

  it('GIVEN an empty lazy collection THEN it holds no storage, reads like an empty Collection and is a Collection but not a Map', () => {
    const Lazy = createLazyCollectionClass();
    const lazy = new Lazy() as Collection<string, number>;
    expect(storageOf(lazy)).toBeUndefined();
    expect(lazy).toBeInstanceOf(Collection);
    expect(lazy).not.toBeInstanceOf(LimitedCollection);
    expect(lazy.constructor).toBe(Collection);
    expect(types.isMap(lazy)).toBe(false);
    expect([lazy.size, lazy.get('a'), lazy.has('a'), lazy.first(), [...lazy], lazy.filter(() => true).size, lazy.delete('a'), lazy.sweep(() => true)]).toEqual([
      0,
      undefined,
      false,
      undefined,
      [],
      0,
      false,
      0,
    ]);
    lazy.clear();
    expect(lazy.sort()).toBe(lazy);
    expect(storageOf(lazy)).toBeUndefined();
    let tapped: unknown;
    expect(lazy.tap((collection) => (tapped = collection))).toBe(lazy);
    expect(tapped).toBe(lazy);
  });

  it('GIVEN the same operations on a lazy and a real Collection THEN every result is the same', () => {
    const { lazy, real } = both((collection) => {
      const out: unknown[] = [];
      out.push(collection.set('b', 2) === collection, collection.set('a', 1).set('c', 3).size);
      out.push(collection.get('a'), collection.has('c'), collection.hasAll('a', 'b'), collection.hasAny('x', 'c'), collection.hasAll('a', 'x'));
      out.push([...collection], [...collection.keys()], [...collection.values()], [...collection.entries()]);
      out.push(
        collection.first(),
        collection.first(2),
        collection.firstKey(),
        collection.last(),
        collection.lastKey(2),
        collection.at(-1),
        collection.keyAt(1),
      );
      out.push(
        collection.find((value) => value > 1),
        collection.findKey((value) => value > 1),
        collection.some((value) => value > 2),
        collection.every((value) => value > 0),
      );
      out.push(
        [...collection.filter((value) => value !== 1)],
        collection.map((value, key) => `${key}${value}`),
        [...collection.mapValues((value) => value * 10)],
      );
      out.push(
        collection.partition((value) => value > 1).map((part) => [...part]),
        collection.reduce((sum, value) => sum + value, 0),
      );
      out.push(
        collection.ensure('d', () => 4),
        collection.ensure('a', () => 100),
        collection.size,
      );
      out.push(
        collection.sweep((value) => value === 4),
        collection.size,
        collection.delete('c'),
        collection.delete('c'),
      );
      const clone = collection.clone();
      out.push(clone instanceof Collection, [...clone], collection.equals(clone), clone.equals(collection));
      out.push(
        [...collection.concat(new Collection([['z', 26]]))],
        [...collection.intersect(new Collection([['a', 0]]))],
        [
          ...collection.difference(
            new Collection([
              ['a', 0],
              ['y', 25],
            ]),
          ),
        ],
      );
      out.push([...collection.sort((x, y) => y - x)], [...collection.sorted()], [...collection.reverse()], collection.toJSON());
      const seen: string[] = [];
      collection.each((_, key) => seen.push(key));
      collection.forEach((_, key) => seen.push(key));
      out.push(seen, JSON.stringify(collection), [
        ...collection.merge(
          new Collection([['b', 0]]),
          (x) => ({ keep: true, value: x }),
          (y) => ({ keep: true, value: y }),
          (x) => ({ keep: true, value: x }),
        ),
      ]);
      collection.clear();
      out.push(collection.size, [...collection], collection.first());
      return out;
    });
    expect(lazy).toEqual(real);
  });

  it('GIVEN entries that are all removed THEN the storage is dropped and allocated again on the next write', () => {
    const Lazy = createLazyCollectionClass();
    const lazy = new Lazy() as Collection<string, number>;
    lazy.set('a', 1).set('b', 2);
    expect(storageOf(lazy)).toBeInstanceOf(Collection);
    lazy.delete('a');
    expect(storageOf(lazy)).toBeInstanceOf(Collection);
    lazy.sweep(() => true);
    expect(storageOf(lazy)).toBeUndefined();
    lazy.set('c', 3);
    expect([...lazy.keys()]).toEqual(['c']);
    lazy.clear();
    expect(storageOf(lazy)).toBeUndefined();
  });

  it('GIVEN two lazy collections of one class THEN their entries stay apart', () => {
    const Lazy = createLazyCollectionClass({ maxSize: 3 });
    const first = new Lazy() as Collection<string, number>;
    const second = new Lazy() as Collection<string, number>;
    first.set('a', 1);
    expect([first.size, second.size, second.has('a')]).toEqual([1, 0, false]);
  });

  it('GIVEN a limit THEN it evicts the oldest entry, honours keepOverLimit and reports maxSize like LimitedCollection', () => {
    const limits = { maxSize: 2, keepOverLimit: (value: number) => value === 1 };
    const { lazy, real } = both((collection) => {
      for (const [key, value] of [
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ] as const)
        collection.set(key, value);
      return [...collection];
    }, limits);
    expect(lazy).toEqual([
      ['a', 1],
      ['d', 4],
    ]);
    expect(lazy).toEqual(real);
    const Lazy = createLazyCollectionClass(limits as never);
    const instance = new Lazy() as LimitedCollection<string, number>;
    expect(instance).toBeInstanceOf(LimitedCollection);
    expect([instance.maxSize, instance.keepOverLimit]).toEqual([2, limits.keepOverLimit]);
    const dropping = new (createLazyCollectionClass({ maxSize: 0 }))() as Collection<string, number>;
    dropping.set('a', 1);
    expect([dropping.size, storageOf(dropping)]).toEqual([0, undefined]);
  });

  it('GIVEN util.inspect THEN it shows the entries as a Collection', () => {
    const lazy = new (createLazyCollectionClass())() as Collection<string, number>;
    lazy.set('a', 1);
    expect(inspect(lazy)).toBe(inspect(new Collection([['a', 1]])));
  });
});
