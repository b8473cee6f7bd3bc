import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateBaseline, rollbackBaseline, summarizeUsage, type Database } from '../../src/database/index.js';
import { createCaptureLogger } from '../../src/testing/index.js';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger });
  await migrateBaseline(db);
  expect(await rollbackBaseline(db)).toEqual(['0007_llm_usage_rollups']);
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('0007_llm_usage_rollups', () => {
  it('GIVEN usage written before the rollups existed THEN up fills them from it AND down removes them with their triggers', async () => {
    const conn = db.orm.em.getConnection();
    // Two days, a null guild and cog, an error and an unpriced row.
    await conn.execute(
      `insert into llm_usage (guild_id, cog_name, provider, model, request_type, status, prompt_tokens, completion_tokens, total_tokens, estimated_cost_usd, latency_ms, created_at, metadata)
       values (1, 'ask', 'openai', 'gpt-a', 'text', 'ok', 10, 5, 15, 0.25, 1, '2026-03-02T10:00:00Z', null),
              (1, 'ask', 'openai', 'gpt-a', 'text', 'error', 1, 0, 1, 0, 1, '2026-03-02T23:59:59Z', null),
              (null, null, 'openai', 'gpt-a', 'text', 'ok', 2, 2, 4, 0, 1, '2026-03-03T00:00:00Z', '{"unpriced": true}')`,
    );
    expect(await migrateBaseline(db)).toEqual(['0007_llm_usage_rollups']);
    const totals = await conn.execute(
      `select day::text, cog_name, requests::int, errors::int, unpriced_requests::int, total_tokens::int, cost_usd::text from llm_usage_daily_totals order by day`,
    );
    expect(totals).toEqual([
      { day: '2026-03-02', cog_name: 'ask', requests: 2, errors: 1, unpriced_requests: 0, total_tokens: 16, cost_usd: '0.2500000000' },
      { day: '2026-03-03', cog_name: null, requests: 1, errors: 0, unpriced_requests: 1, total_tokens: 4, cost_usd: '0.0000000000' },
    ]);
    expect(await conn.execute(`select day::text, guild_id::text, requests::int from llm_usage_daily_guilds order by day`)).toEqual([
      { day: '2026-03-02', guild_id: '1', requests: 2 },
      { day: '2026-03-03', guild_id: null, requests: 1 },
    ]);
    const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-05T00:00:00Z'), granularity: 'day' as const };
    expect(await summarizeUsage(db, range)).toEqual(await summarizeUsage(db, range, { rollups: false }));

    expect(await rollbackBaseline(db)).toEqual(['0007_llm_usage_rollups']);
    const left = await conn.execute<{ name: string }[]>(
      `select relname as name from pg_class where relname like 'llm_usage_daily%' union all select tgname from pg_trigger where tgname like 'llm_usage_rollup%'
       union all select proname from pg_proc where proname = 'llm_usage_rollup'`,
    );
    expect(left).toEqual([]);
    // Without the rollups, writes to llm_usage work as before.
    await conn.execute(`delete from llm_usage where guild_id is null`);
    expect(await migrateBaseline(db)).toEqual(['0007_llm_usage_rollups']);
    expect(await conn.execute(`select sum(requests)::int as requests from llm_usage_daily_totals`)).toEqual([{ requests: 2 }]);
  });
});
