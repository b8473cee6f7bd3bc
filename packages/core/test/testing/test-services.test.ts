import pg from 'pg';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestRedis } from '../../src/testing/index.js';

describe('createTestDatabase', () => {
  it('GIVEN a new test database THEN it accepts queries AND drop() removes it', async () => {
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('select current_database() as name');
    expect(rows[0]?.name).toBe(db.name);
    await client.end();

    await db.drop();
    const admin = new pg.Client({ connectionString: process.env.BASELINE_TEST_DATABASE_URL });
    await admin.connect();
    const left = await admin.query('select 1 from pg_database where datname = $1', [db.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });
});

describe('createTestRedis', () => {
  it('GIVEN keys under two prefixes THEN cleanup() deletes only its own', async () => {
    const a = createTestRedis();
    const b = createTestRedis();
    expect(a.prefix).not.toBe(b.prefix);
    const redis = new Redis(a.url);
    await redis.set(`${a.prefix}x`, '1');
    await redis.set(`${b.prefix}x`, '2');
    await a.cleanup();
    expect(await redis.get(`${a.prefix}x`)).toBeNull();
    expect(await redis.get(`${b.prefix}x`)).toBe('2');
    await b.cleanup();
    redis.disconnect();
  });
});
