import { createCaptureLogger, createTestRedis } from '../../src/testing/index.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { isBaselineError } from '../../src/errors/baseline-error.js';
import { createMemoryKeyValue } from '../../src/kv/create-memory-key-value.js';
import { createRedisKeyValue } from '../../src/kv/create-redis-key-value.js';
import type { KeyValueStore } from '../../src/kv/key-value-store.js';
import { createSettingsRegistry, type SettingsRegistry } from '../../src/settings/create-settings-registry.js';
import { defineSettings, type InferSettings } from '../../src/settings/define-settings.js';
import type { SettingsChange } from '../../src/settings/settings-change.js';
import { SettingsValidationError } from '../../src/settings/settings-errors.js';
import { waitFor } from '../fixtures/wait-for.js';
import { MemorySettingsStore } from './memory-settings-store.js';

const LEVEL = pino.levels.values;

const moderation = defineSettings(
  z.object({
    maxWarnings: z.number().int().min(1).max(20).default(3),
    logChannelId: z.string().optional(),
    filters: z.object({ links: z.boolean().default(true), invites: z.boolean().default(false) }).prefault({}),
  }),
  { title: 'Moderation', description: 'Warnings and filters' },
);
const welcome = defineSettings(z.object({ greeting: z.string().min(1).default('Hello!'), enabled: z.boolean().default(false) }));

// The compile-time contract: a namespace merged into BaselineSettings makes get/set typed.
declare module '../../src/settings/baseline-settings.js' {
  interface BaselineSettings {
    'typed-moderation': InferSettings<typeof moderation>;
  }
}

const silent = pino({ level: 'silent' });
const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';

interface Host {
  /** A new connection to the shared key-value server (the same in-process store for memory). */
  connect(): KeyValueStore;
  cleanup(): Promise<void>;
}

// Each test gets its own Redis prefix or in-memory store, so no announcement from one test reaches the next.
const hosts = [
  {
    name: 'redis',
    make(): Host {
      const redis = createTestRedis();
      const connections: KeyValueStore[] = [];
      return {
        connect() {
          const kv = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger: silent });
          connections.push(kv);
          return kv;
        },
        async cleanup() {
          await Promise.all(connections.map((kv) => kv.close()));
          await redis.cleanup();
        },
      };
    },
  },
  {
    name: 'memory',
    make(): Host {
      const kv = createMemoryKeyValue({ logger: silent });
      return { connect: () => kv, cleanup: () => kv.close() };
    },
  },
];

describe.each(hosts)('settings registry with $name key-value', ({ make }) => {
  let host: Host;
  const opened: SettingsRegistry[] = [];
  let store: MemorySettingsStore;
  let settings: SettingsRegistry;

  async function openRegistry(options: { logger?: pino.Logger } = {}): Promise<SettingsRegistry> {
    const registry = await createSettingsRegistry({
      store,
      kv: host.connect(),
      logger: options.logger ?? silent,
      cacheTtlMs: 3_600_000,
    });
    registry.register('moderation', moderation);
    registry.register('welcome', welcome);
    opened.push(registry);
    return registry;
  }

  beforeEach(async () => {
    host = make();
    store = new MemorySettingsStore();
    settings = await openRegistry();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((registry) => registry.close()));
    await host.cleanup();
  });

  it('GIVEN a guild with nothing stored THEN get returns the complete defaults', async () => {
    expect(await settings.get(GUILD, 'moderation')).toEqual({ maxWarnings: 3, filters: { links: true, invites: false } });
    expect(await settings.get(GUILD, 'welcome')).toEqual({ greeting: 'Hello!', enabled: false });
  });

  it('GIVEN a patch THEN it is merged over the current value, stored whole and returned', async () => {
    await settings.set(GUILD, 'moderation', { maxWarnings: 5 });
    const next = await settings.set(GUILD, 'moderation', { logChannelId: '42' }, { actorUserId: '7' });
    expect(next).toEqual({ maxWarnings: 5, logChannelId: '42', filters: { links: true, invites: false } });
    expect(store.rows.get(GUILD)?.get('moderation')).toEqual(next);
    expect(await settings.get(GUILD, 'moderation')).toEqual(next);
  });

  it('GIVEN replace THEN absent fields return to their defaults', async () => {
    await settings.set(GUILD, 'welcome', { greeting: 'Hi', enabled: true });
    expect(await settings.set(GUILD, 'welcome', { enabled: true }, { replace: true })).toEqual({
      greeting: 'Hello!',
      enabled: true,
    });
  });

  it('GIVEN invalid values THEN set throws BL_ERR_SETTINGS_INVALID with field paths and stores nothing', async () => {
    await settings.set(GUILD, 'moderation', { maxWarnings: 4 });
    const writes = store.writes;
    const error = await settings.set(GUILD, 'moderation', { maxWarnings: 99, filters: { links: 'yes' } } as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect(isBaselineError(error, 'BL_ERR_SETTINGS_INVALID')).toBe(true);
    const paths = (error as SettingsValidationError).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(['moderation.filters.links', 'moderation.maxWarnings']);
    expect(store.writes).toBe(writes);
    expect((await settings.get(GUILD, 'moderation')).maxWarnings).toBe(4);
  });

  it('GIVEN two guilds THEN a change in one leaves the other untouched', async () => {
    await settings.set(GUILD, 'welcome', { greeting: 'Bienvenue' });
    expect((await settings.get(GUILD, 'welcome')).greeting).toBe('Bienvenue');
    expect((await settings.get(OTHER_GUILD, 'welcome')).greeting).toBe('Hello!');
    expect(store.rows.get(OTHER_GUILD)).toBeUndefined();
  });

  it('GIVEN repeated gets THEN the store is read once and the value is frozen', async () => {
    const first = await settings.get(GUILD, 'welcome');
    await settings.get(GUILD, 'welcome');
    expect(store.reads).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('GIVEN getAll THEN every namespace is returned from one store read', async () => {
    await settings.set(GUILD, 'welcome', { enabled: true });
    const readAlls = store.readAlls;
    const all = await settings.getAll(OTHER_GUILD);
    expect(Object.keys(all)).toEqual(['moderation', 'welcome']);
    expect(all.welcome).toEqual({ greeting: 'Hello!', enabled: false });
    expect(store.readAlls).toBe(readAlls + 1);
    expect((await settings.getAll(GUILD)).welcome).toEqual({ greeting: 'Hello!', enabled: true });
  });

  it('GIVEN stored values that no longer match the schema THEN those fields fall back to defaults and are logged', async () => {
    const { logger, lines } = createCaptureLogger();
    const drifted = await openRegistry({ logger });
    await store.write(GUILD, 'moderation', { maxWarnings: 'three', logChannelId: '9', removedField: true });
    expect(await drifted.get(GUILD, 'moderation')).toEqual({
      maxWarnings: 3,
      logChannelId: '9',
      filters: { links: true, invites: false },
    });
    const warning = lines.find((line) => line.level === LEVEL.warn && line.namespace === 'moderation');
    expect(warning?.fields).toEqual(['moderation.maxWarnings']);
  });

  it('GIVEN namespaces that are taken, unknown or malformed THEN coded errors are thrown', async () => {
    expect(() => settings.register('welcome', welcome)).toThrow(expect.objectContaining({ code: 'BL_ERR_SETTINGS_NAMESPACE_DUPLICATE' }));
    expect(() => settings.register('Not Kebab', welcome)).toThrow(expect.objectContaining({ code: 'BL_ERR_SETTINGS_NAMESPACE_INVALID' }));
    await expect(settings.get(GUILD, 'nope')).rejects.toMatchObject({ code: 'BL_ERR_SETTINGS_NAMESPACE_UNKNOWN' });
    await expect(settings.set(GUILD, 'nope', {})).rejects.toMatchObject({ code: 'BL_ERR_SETTINGS_NAMESPACE_UNKNOWN' });
  });

  it('GIVEN changes THEN listeners hear each with a rising version and the actor', async () => {
    const changes: SettingsChange[] = [];
    settings.onChange((change) => changes.push(change));
    await settings.set(GUILD, 'welcome', { enabled: true }, { actorUserId: '55' });
    await settings.set(GUILD, 'welcome', { enabled: false });
    expect(changes.map(({ source, actorUserId, namespace }) => ({ source, actorUserId, namespace }))).toEqual([
      { source: 'local', actorUserId: '55', namespace: 'welcome' },
      { source: 'local', actorUserId: undefined, namespace: 'welcome' },
    ]);
    expect(changes[1]!.version).toBe(changes[0]!.version + 1);
  });

  it('GIVEN setMany with one invalid namespace THEN every bad path is reported AND nothing is stored or announced', async () => {
    const heard: SettingsChange[] = [];
    settings.onChange((change) => heard.push(change));
    const error = await settings
      .setMany(
        GUILD,
        { welcome: { greeting: 'Valid' }, moderation: { maxWarnings: 99 } },
        { audit: () => [{ guildId: GUILD, actorUserId: null, action: 'x' }] },
      )
      .catch((caught: unknown) => caught);
    expect(isBaselineError(error, 'BL_ERR_SETTINGS_INVALID')).toBe(true);
    expect((error as SettingsValidationError).issues.map((issue) => issue.path)).toEqual(['moderation.maxWarnings']);
    expect(store.batches).toEqual([]);
    expect(store.rows.get(GUILD)).toBeUndefined();
    expect(heard).toEqual([]);
  });

  it('GIVEN setMany THEN every namespace is merged and stored in one batch with its audit entries AND each change is announced to other registries', async () => {
    await settings.set(GUILD, 'moderation', { maxWarnings: 5 });
    const other = await openRegistry();
    expect((await other.get(GUILD, 'moderation')).maxWarnings).toBe(5);
    const heard: SettingsChange[] = [];
    other.onChange((change) => heard.push(change));
    const local: SettingsChange[] = [];
    settings.onChange((change) => local.push(change));

    const written = await settings.setMany(
      GUILD,
      { moderation: { logChannelId: '9' }, welcome: { enabled: true } },
      {
        actorUserId: '77',
        audit: (values) =>
          Object.entries(values).map(([namespace, after]) => ({ guildId: GUILD, actorUserId: '77', action: 'settings.update', target: namespace, after })),
      },
    );
    expect(written).toEqual({
      moderation: { maxWarnings: 5, logChannelId: '9', filters: { links: true, invites: false } },
      welcome: { greeting: 'Hello!', enabled: true },
    });
    expect(store.batches).toEqual([
      {
        namespaces: ['moderation', 'welcome'],
        audit: [
          { guildId: GUILD, actorUserId: '77', action: 'settings.update', target: 'moderation', after: written.moderation },
          { guildId: GUILD, actorUserId: '77', action: 'settings.update', target: 'welcome', after: written.welcome },
        ],
      },
    ]);
    expect(local.map(({ namespace, actorUserId, source }) => ({ namespace, actorUserId, source }))).toEqual([
      { namespace: 'moderation', actorUserId: '77', source: 'local' },
      { namespace: 'welcome', actorUserId: '77', source: 'local' },
    ]);
    expect(local[0]!.version).toBe(2);
    // The first set's own announcement may reach the other registry too: only the actor's changes are compared.
    const byActor = () => heard.filter((change) => change.actorUserId === '77');
    await waitFor(() => byActor().length === 2);
    expect(byActor().map(({ namespace, actorUserId, source, version }) => ({ namespace, actorUserId, source, version }))).toEqual([
      { namespace: 'moderation', actorUserId: '77', source: 'remote', version: 2 },
      { namespace: 'welcome', actorUserId: '77', source: 'remote', version: 1 },
    ]);
    expect((await other.get(GUILD, 'moderation')).logChannelId).toBe('9');
  });

  it('GIVEN two registries sharing a store THEN a set in one makes the other drop its cache and read the new value', async () => {
    const other = await openRegistry();
    const heard: SettingsChange[] = [];
    other.onChange((change) => heard.push(change));
    expect((await other.get(GUILD, 'moderation')).maxWarnings).toBe(3);
    // Written behind both registries' backs: the other registry keeps serving its cached value.
    await store.write(GUILD, 'moderation', { maxWarnings: 8 });
    expect((await other.get(GUILD, 'moderation')).maxWarnings).toBe(3);

    await settings.set(GUILD, 'moderation', { maxWarnings: 6 }, { actorUserId: '77' });
    await waitFor(() => heard.length === 1);
    expect(heard[0]).toMatchObject({ guildId: GUILD, namespace: 'moderation', source: 'remote', actorUserId: '77' });
    expect((await other.get(GUILD, 'moderation')).maxWarnings).toBe(6);
  });

  it('GIVEN jsonSchema THEN each namespace exports its fields, defaults and title', () => {
    const one = settings.jsonSchema('moderation');
    expect(one).toMatchObject({
      type: 'object',
      title: 'Moderation',
      description: 'Warnings and filters',
      properties: { maxWarnings: { type: 'integer', default: 3, minimum: 1, maximum: 20 } },
    });
    const all = settings.jsonSchema();
    expect(Object.keys(all.properties as object)).toEqual(['moderation', 'welcome']);
    expect(all).toMatchObject({ properties: { welcome: { properties: { greeting: { type: 'string', default: 'Hello!' } } } } });
  });
});

describe('settings registry across processes on Redis', () => {
  it('GIVEN two registries on separate Redis connections THEN each drops its cache when the other writes', async () => {
    const redis = createTestRedis();
    const store = new MemorySettingsStore();
    const connections = [0, 1].map(() => createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger: silent }));
    const [api, bot] = await Promise.all(connections.map((kv) => createSettingsRegistry({ store, kv, logger: silent, cacheTtlMs: 3_600_000 })));
    for (const registry of [api!, bot!]) registry.register('welcome', welcome);
    const botHeard: SettingsChange[] = [];
    const apiHeard: SettingsChange[] = [];
    bot!.onChange((change) => botHeard.push(change));
    api!.onChange((change) => apiHeard.push(change));

    expect((await bot!.get(GUILD, 'welcome')).greeting).toBe('Hello!');
    await api!.set(GUILD, 'welcome', { greeting: 'From the dashboard' });
    await waitFor(() => botHeard.length === 1);
    expect((await bot!.get(GUILD, 'welcome')).greeting).toBe('From the dashboard');
    expect(botHeard[0]?.version).toBe(apiHeard[0]?.version);

    await bot!.set(GUILD, 'welcome', { greeting: 'From the bot' });
    await waitFor(() => apiHeard.length === 2);
    expect(apiHeard.map((change) => change.source)).toEqual(['local', 'remote']);
    expect((await api!.get(GUILD, 'welcome')).greeting).toBe('From the bot');

    await Promise.all([api!.close(), bot!.close()]);
    await Promise.all(connections.map((kv) => kv.close()));
    await redis.cleanup();
  });
});

describe('settings typing', () => {
  it('GIVEN a namespace merged into BaselineSettings THEN get and set are typed by it', async () => {
    const settings = await createSettingsRegistry({
      store: new MemorySettingsStore(),
      kv: createMemoryKeyValue({ logger: silent }),
      logger: silent,
    });
    settings.register('typed-moderation', moderation);
    const value = await settings.get(GUILD, 'typed-moderation');
    expectTypeOf(value.maxWarnings).toEqualTypeOf<number>();
    expectTypeOf(value.logChannelId).toEqualTypeOf<string | undefined>();
    expectTypeOf(value.filters.links).toEqualTypeOf<boolean>();
    const untyped = () => settings.get(GUILD, 'not-declared');
    expectTypeOf(untyped).returns.resolves.toEqualTypeOf<Readonly<Record<string, unknown>>>();
    // @ts-expect-error maxWarnings is a number in the declared namespace
    await settings.set(GUILD, 'typed-moderation', { maxWarnings: 'many' }).catch(() => undefined);
    expect(value.maxWarnings).toBe(3);
    await settings.close();
  });
});
