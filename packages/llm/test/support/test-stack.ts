import { createDatabase, createLogger, createRedisKeyValue, migrateBaseline, rowExecutorFromDatabase, type Database, type KeyValueStore } from '@baseline/core';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@baseline/testing';

/** A fresh migrated PostgreSQL database and a Redis key prefix, both real, owned by one test file. */
export async function createTestStack(): Promise<{
  db: Database;
  kv: () => KeyValueStore;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T>;
  close(): Promise<void>;
}> {
  const logger = createLogger({ service: 'llm-test', level: 'silent' });
  const testDb: TestDatabase = await createTestDatabase();
  const db = await createDatabase({ url: testDb.url, logger });
  await migrateBaseline(db);
  const redis: TestRedis = createTestRedis();
  const stores: KeyValueStore[] = [];
  const sql = rowExecutorFromDatabase(db);
  const rows = <T>(text: string, params: unknown[] = []) => sql.execute(text, params) as Promise<T[]>;
  return {
    db,
    kv() {
      const store = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger });
      stores.push(store);
      return store;
    },
    rows,
    async one<T>(text: string, params: unknown[] = []) {
      const [row] = await rows<T>(text, params);
      if (row === undefined) throw new Error(`no row from: ${text}`);
      return row;
    },
    async close() {
      for (const store of stores) await store.close();
      await db.close();
      await testDb.drop();
      await redis.cleanup();
    },
  };
}
