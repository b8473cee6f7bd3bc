import { createCaptureLogger, createTestDatabase, type TestDatabase } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateBaseline, preparedQuery, upsertGuild, type Database } from '../../src/database/index.js';
import { preparedTransaction } from '../../src/database/prepared-query.js';

const GUILD = '1234567890123456789';
const POOL_SIZE = 2;

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger, pool: { min: 0, max: POOL_SIZE } });
  await migrateBaseline(db);
  await upsertGuild(db, { guildId: GUILD, guildName: 'Zeta', ownerId: '1' });
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

const settingOf = async (key: string) =>
  preparedQuery<{ setting_value: unknown }>(db, 'test.setting', 'select setting_value from guild_settings where guild_id = $1 and setting_key = $2', [
    GUILD,
    key,
  ]);
const insert = 'insert into guild_settings (guild_id, setting_key, setting_value) values ($1, $2, $3::jsonb)';

describe('preparedTransaction: prepared statements in one transaction on the shared pool', () => {
  it('GIVEN work that resolves THEN its writes are committed AND its result returned', async () => {
    const result = await preparedTransaction(db, async (query) => {
      await query('test.insert', insert, [GUILD, 'committed', JSON.stringify({ a: 1 })]);
      return (await query<{ n: string }>('test.count', 'select count(*)::text as n from guild_settings where guild_id = $1', [GUILD]))[0]!.n;
    });
    expect(result).toBe('1');
    expect(await settingOf('committed')).toEqual([{ setting_value: { a: 1 } }]);
  });

  it('GIVEN work that throws after writing THEN nothing it wrote stays AND the error reaches the caller', async () => {
    const failure = new Error('changed my mind');
    await expect(
      preparedTransaction(db, async (query) => {
        await query('test.insert', insert, [GUILD, 'rolled-back', JSON.stringify({ b: 2 })]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await settingOf('rolled-back')).toEqual([]);
  });

  it('GIVEN more failing transactions than the pool has connections THEN every connection comes back (no wait for a leaked one)', async () => {
    for (let index = 0; index < POOL_SIZE * 3; index += 1) {
      await expect(preparedTransaction(db, (query) => query('test.bad', 'select $1::bigint', ['not a number']))).rejects.toMatchObject({ code: '22P02' });
    }
    expect(await preparedQuery<{ one: number }>(db, 'test.one', 'select 1 as one', [])).toEqual([{ one: 1 }]);
  });
});
