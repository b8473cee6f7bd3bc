import { createCaptureLogger, createTestDatabase, createTestRedisDatabase, type TestDatabase, type TestRedisDatabase } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/database/create-database.js';
import { migrateBaseline } from '../../src/database/migrations/baseline-migrations.js';
import { createKeyValue } from '../../src/kv/create-key-value.js';
import type { KeyValueStore } from '../../src/kv/key-value-store.js';
import { createPluginStorage } from '../../src/storage/create-plugin-storage.js';
import { defineStorage } from '../../src/storage/define-storage.js';

const GUILD = '1200000000000000001';
const OTHER_GUILD = '1200000000000000002';
const welcome = defineStorage({ joins: 0, lastJoinedUserId: null as string | null, paused: false, tags: [] as string[] });

describe('plugin storage on PostgreSQL and Redis', () => {
  let testDb: TestDatabase;
  let redisDb: TestRedisDatabase;
  let db: Database;
  let kv: KeyValueStore;
  // A second process of the same deployment: its own connections, the same database and Redis.
  let otherKv: KeyValueStore;
  const logger = createCaptureLogger('warn').logger;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    redisDb = await createTestRedisDatabase();
    db = await createDatabase({ url: testDb.url, logger });
    await migrateBaseline(db);
    kv = createKeyValue({ redisUrl: redisDb.url, prefix: 'app:', logger });
    otherKv = createKeyValue({ redisUrl: redisDb.url, prefix: 'app:', logger });
  });
  afterAll(async () => {
    await kv?.close();
    await otherKv?.close();
    await db?.close();
    await testDb?.drop();
    await redisDb?.release();
  });

  const storage = () => createPluginStorage({ db, kv, pluginId: 'welcome', definition: welcome });

  it('GIVEN nothing stored THEN every key reads as its default', async () => {
    const guild = storage().guild(GUILD);
    expect(await guild.get('joins')).toBe(0);
    expect(await guild.get('lastJoinedUserId')).toBeNull();
    expect(await guild.all()).toEqual({ joins: 0, lastJoinedUserId: null, paused: false, tags: [] });
  });

  it('GIVEN set and incr THEN values are per guild and another process reads them at once', async () => {
    const guild = storage().guild(GUILD);
    await guild.get('paused'); // cached as "nothing stored": the write must drop it
    await guild.set('paused', true);
    await guild.set('tags', ['new', 'vip']);
    expect(await guild.incr('joins')).toBe(1);
    expect(await guild.incr('joins', 4)).toBe(5);
    const seenElsewhere = createPluginStorage({ db, kv: otherKv, pluginId: 'welcome', definition: welcome }).guild(GUILD);
    expect(await seenElsewhere.get('paused')).toBe(true);
    expect(await seenElsewhere.get('joins')).toBe(5);
    expect(await seenElsewhere.get('tags')).toEqual(['new', 'vip']);
    expect(await storage().guild(OTHER_GUILD).get('joins')).toBe(0);
  });

  it('GIVEN concurrent increments from two processes THEN none is lost', async () => {
    const here = storage().guild(OTHER_GUILD);
    const there = createPluginStorage({ db, kv: otherKv, pluginId: 'welcome', definition: welcome }).guild(OTHER_GUILD);
    await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? here : there).incr('joins')));
    expect(await here.get('joins')).toBe(20);
  });

  it('GIVEN Redis is flushed THEN every value is read back from PostgreSQL', async () => {
    const guild = storage().guild(GUILD);
    expect(await guild.get('joins')).toBe(5); // cached in Redis now
    expect((await redisDb.keys()).some((key) => key.startsWith('app:storage:welcome:'))).toBe(true);
    await redisDb.flush();
    expect(await redisDb.keys()).toEqual([]);
    expect(await guild.all()).toEqual({ joins: 5, lastJoinedUserId: null, paused: true, tags: ['new', 'vip'] });
    expect(await guild.get('joins')).toBe(5);
    expect(await guild.incr('joins')).toBe(6);
  });

  it('GIVEN reset THEN the key reads as its default again', async () => {
    const guild = storage().guild(GUILD);
    await guild.reset('paused');
    expect(await guild.get('paused')).toBe(false);
  });

  it('GIVEN an undeclared key, a non-numeric incr or a non-JSON value THEN a coded error and nothing stored', async () => {
    const guild = storage().guild(GUILD) as unknown as {
      get(key: string): Promise<unknown>;
      incr(key: string): Promise<number>;
      set(key: string, value: unknown): Promise<void>;
    };
    await expect(guild.get('nope')).rejects.toMatchObject({ code: 'BL_ERR_STORAGE_KEY_UNKNOWN' });
    await expect(guild.incr('paused')).rejects.toMatchObject({ code: 'BL_ERR_STORAGE_VALUE_INVALID' });
    await expect(guild.set('lastJoinedUserId', new Date())).rejects.toMatchObject({ code: 'BL_ERR_STORAGE_VALUE_INVALID' });
    expect(await storage().guild(GUILD).get('lastJoinedUserId')).toBeNull();
    expect(() => defineStorage({ 'bad key': 1 })).toThrow(expect.objectContaining({ code: 'BL_ERR_STORAGE_DEFINITION_INVALID' }));
  });
});
