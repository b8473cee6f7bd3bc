import { createCaptureLogger, createTestDatabase, type TestDatabase } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateBaseline, rollbackBaseline, type Database } from '../../src/database/index.js';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger });
  await migrateBaseline(db);
  // Back to the schema before the rename, with rows as the API and the LLM service wrote them then.
  expect(await rollbackBaseline(db, { to: '0001_initial_schema' })).toEqual([
    '0007_llm_usage_rollups',
    '0006_user_oauth_grants',
    '0005_llm_usage_record_id',
    '0004_guild_toggles',
    '0003_plugin_storage',
    '0002_gemini_provider_id',
  ]);
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

async function providers(): Promise<string[]> {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ row: string }[]>(`select provider || '/' || model || '/' || source as row from llm_model_pricing order by provider, model, source`);
  return rows.map((r) => r.row);
}

describe('0002_gemini_provider_id', () => {
  it('GIVEN Gemini prices stored as google by the API THEN up renames them to gemini AND down gives the API rows their old id back', async () => {
    const conn = db.orm.em.getConnection();
    const insert = (provider: string, model: string, from: string, source: string) =>
      conn.execute(
        `insert into llm_model_pricing (provider, model, input_cost_per_1k_tokens, output_cost_per_1k_tokens, effective_from, source)
         values (?, ?, '0.001', '0.002', ?, ?)`,
        [provider, model, from, source],
      );
    await insert('gemini', 'gemini-2.5-flash', '2026-07-24T00:00:00Z', 'snapshot');
    await insert('google', 'gemini-2.5-flash', '2026-11-01T00:00:00Z', 'api');
    // A google row whose gemini twin (same model and start) exists is kept, not dropped.
    await insert('gemini', 'gemini-2.5-pro', '2026-07-24T00:00:00Z', 'snapshot');
    await insert('google', 'gemini-2.5-pro', '2026-07-24T00:00:00Z', 'api');
    await conn.execute(
      `insert into llm_usage (provider, model, request_type, prompt_tokens, completion_tokens, total_tokens, estimated_cost_usd, latency_ms)
       values ('google', 'gemini-2.5-flash', 'text', 1, 1, 2, 0, 1)`,
    );

    expect(await migrateBaseline(db)).toEqual([
      '0002_gemini_provider_id',
      '0003_plugin_storage',
      '0004_guild_toggles',
      '0005_llm_usage_record_id',
      '0006_user_oauth_grants',
      '0007_llm_usage_rollups',
    ]);
    expect(await providers()).toEqual([
      'gemini/gemini-2.5-flash/api',
      'gemini/gemini-2.5-flash/snapshot',
      'gemini/gemini-2.5-pro/snapshot',
      'google/gemini-2.5-pro/api',
    ]);
    const [usage] = await conn.execute<{ provider: string }[]>(`select provider from llm_usage`);
    expect(usage?.provider).toBe('gemini');

    expect(await rollbackBaseline(db, { to: '0001_initial_schema' })).toEqual([
      '0007_llm_usage_rollups',
      '0006_user_oauth_grants',
      '0005_llm_usage_record_id',
      '0004_guild_toggles',
      '0003_plugin_storage',
      '0002_gemini_provider_id',
    ]);
    expect(await providers()).toEqual([
      'gemini/gemini-2.5-flash/snapshot',
      'gemini/gemini-2.5-pro/snapshot',
      'google/gemini-2.5-flash/api',
      'google/gemini-2.5-pro/api',
    ]);
  });
});
