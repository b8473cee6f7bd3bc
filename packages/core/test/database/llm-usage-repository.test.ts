import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  breakdownUsage,
  createDatabase,
  eraseBaselineUserData,
  insertLlmUsage,
  migrateBaseline,
  rowExecutorFromDatabase,
  sumLlmUsageCostSince,
  summarizeUsage,
  upsertGuild,
  type Database,
  type LlmUsageInsert,
  type RowExecutor,
  type UsageBreakdownKey,
  type UsageGranularity,
} from '../../src/database/index.js';
import { createCaptureLogger } from '../../src/testing/index.js';

// Above 2^53, as Discord snowflakes are.
const GUILDS = ['1234567890123456789', '1234567890123456790', '1234567890123456791', null] as const;
const USERS = ['9007199254740993', '9007199254740995', null] as const;
const COGS = ['ask', 'summarize', null] as const;
const MODELS = [
  ['openai', 'gpt-a'],
  ['openai', 'gpt-b'],
  ['anthropic', 'claude-a'],
] as const;
const DAY_MS = 86_400_000;
// A Monday, so week buckets start on a rollup day; the generated rows span 20 days from it.
const START = Date.parse('2026-03-02T00:00:00Z');

let testDb: TestDatabase;
let db: Database;
let sql: RowExecutor;

/** A seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function usageRows(count: number, seed: number): LlmUsageInsert[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  return Array.from({ length: count }, () => {
    const [provider, model] = pick(MODELS);
    const prompt = Math.floor(next() * 2000);
    const completion = Math.floor(next() * 800);
    const unpriced = next() < 0.1;
    return {
      recordId: randomUUID(),
      guildId: pick(GUILDS),
      userId: pick(USERS),
      cogName: pick(COGS),
      provider,
      model,
      requestType: 'text',
      status: next() < 0.1 ? 'error' : 'ok',
      errorCode: null,
      promptTokens: prompt,
      completionTokens: completion,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
      totalTokens: prompt + completion,
      units: null,
      costUsd: unpriced ? '0' : (next() / 100).toFixed(10),
      latencyMs: 100,
      pricingId: null,
      // Whole seconds, some exactly on midnight (an edge of a day and of a range).
      createdAt: new Date(START + (next() < 0.05 ? Math.floor(next() * 20) * DAY_MS : Math.floor(next() * 20 * 86_400) * 1000)),
      metadata: unpriced ? { unpriced: true } : {},
    };
  });
}

/** What the rollups hold against a fresh `group by` of `llm_usage`: every row that differs, both ways. */
async function rollupDrift(): Promise<unknown[]> {
  const sums = `count(*) as requests, count(*) filter (where status = 'error') as errors,
    count(*) filter (where metadata->>'unpriced' = 'true') as unpriced_requests, sum(prompt_tokens) as prompt_tokens,
    sum(completion_tokens) as completion_tokens, sum(total_tokens) as total_tokens, sum(estimated_cost_usd) as cost_usd`;
  const columns = 'requests, errors, unpriced_requests, prompt_tokens, completion_tokens, total_tokens, cost_usd';
  const drift = (rollup: string, keys: string) => {
    const grouped = `select (created_at at time zone 'UTC')::date as day, ${keys}, ${sums} from llm_usage group by 1, ${keys}`;
    const stored = `select day, ${keys}, ${columns} from ${rollup}`;
    return sql.execute(`(${stored} except ${grouped}) union all (${grouped} except ${stored})`);
  };
  return [...(await drift('llm_usage_daily_totals', 'cog_name, provider, model')), ...(await drift('llm_usage_daily_guilds', 'guild_id'))];
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger, pool: { min: 0, max: 4 } });
  await migrateBaseline(db);
  sql = rowExecutorFromDatabase(db);
  await upsertGuild(db, { guildId: GUILDS[0], guildName: 'Zeta' });
  await upsertGuild(db, { guildId: GUILDS[1], guildName: 'Alpha' });
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('llm_usage repository', () => {
  it('GIVEN a batch delivered twice THEN the second insert stores nothing AND the spend and the rollups count it once', async () => {
    const batch = usageRows(3, 1).map((row) => ({ ...row, guildId: '42', userId: '7', costUsd: '0.5000000000', createdAt: new Date(START - 5 * DAY_MS) }));
    expect(await insertLlmUsage(sql, batch)).toBe(3);
    // The same record ids again, mixed with one new row: only the new row is stored.
    const [extra] = usageRows(1, 2).map((row) => ({ ...row, guildId: '42', userId: '7', costUsd: '0.2500000000', createdAt: new Date(START - 5 * DAY_MS) }));
    expect(await insertLlmUsage(sql, [...batch, extra!])).toBe(1);
    expect(await insertLlmUsage(sql, [])).toBe(0);
    // 3 × 0.5 + 0.25
    expect(await sumLlmUsageCostSince(sql, 'guild', '42', new Date(START - 6 * DAY_MS))).toBe('1.7500000000');
    expect(await sumLlmUsageCostSince(sql, 'user', '7', new Date(START - 6 * DAY_MS))).toBe('1.7500000000');
    expect(await sumLlmUsageCostSince(sql, 'guild', '42', new Date(START))).toBe('0');
    const [rolled] = await sql.execute<{ requests: string; cost: string }>(
      `select sum(requests)::text as requests, sum(cost_usd)::text as cost from llm_usage_daily_guilds where guild_id = 42`,
    );
    expect(rolled).toEqual({ requests: '4', cost: '1.7500000000' });
    expect(await rollupDrift()).toEqual([]);
  });

  it('GIVEN writers flushing the same days at once, some the same batch THEN every row is counted once in the rollups', async () => {
    const batches = Array.from({ length: 8 }, (_, index) =>
      usageRows(60, 100 + index).map((row) => ({ ...row, guildId: '43', createdAt: new Date(START - 8 * DAY_MS + (row.createdAt.getTime() % DAY_MS)) })),
    );
    // Each batch twice, concurrently: one of the two inserts stores it, the other skips every row.
    const inserted = await Promise.all([...batches, ...batches].map((batch) => insertLlmUsage(sql, batch)));
    expect(inserted.reduce((sum, count) => sum + count, 0)).toBe(8 * 60);
    const [rolled] = await sql.execute<{ requests: string }>(`select sum(requests)::text as requests from llm_usage_daily_guilds where guild_id = 43`);
    expect(rolled!.requests).toBe(String(8 * 60));
    expect(await rollupDrift()).toEqual([]);
  });

  it("GIVEN a user's data erased THEN no rollup holds a user id AND the rollups and analytics keep their sums", async () => {
    const rows = usageRows(40, 300).map((row) => ({
      ...row,
      userId: '9007199254740997',
      createdAt: new Date(START - 10 * DAY_MS + (row.createdAt.getTime() % DAY_MS)),
    }));
    await insertLlmUsage(sql, rows);
    // xmin: the transaction that last wrote a row, so a row rewritten with the same values shows too.
    const rollups = () =>
      sql
        .execute(`select xmin::text, * from llm_usage_daily_totals order by id`)
        .then(async (totals) => [totals, await sql.execute(`select xmin::text, * from llm_usage_daily_guilds order by id`)]);
    const before = await rollups();
    const range = { from: new Date(START - 11 * DAY_MS), to: new Date(START), granularity: 'day' as const };
    const summary = await summarizeUsage(db, range);

    expect((await eraseBaselineUserData(db, '9007199254740997')).llm_usage).toBe(40);
    const columns = await sql.execute<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name in ('llm_usage_daily_totals', 'llm_usage_daily_guilds')`,
    );
    expect(columns.map((column) => column.column_name).filter((name) => name.includes('user'))).toEqual([]);
    // Clearing user_id moves no sum: the update trigger leaves every rollup row as it was.
    expect(await rollups()).toEqual(before);
    expect(await summarizeUsage(db, range)).toEqual(summary);
    expect(await rollupDrift()).toEqual([]);
  });

  describe('analytics read through the daily rollups', () => {
    beforeAll(async () => {
      const rows = usageRows(1500, 7);
      for (let start = 0; start < rows.length; start += 250) await insertLlmUsage(sql, rows.slice(start, start + 250));
      // A re-delivered batch (its answer lost): skipped, never counted twice.
      expect(await insertLlmUsage(sql, rows.slice(0, 250))).toBe(0);
      // Another writer, without record ids, and changes made in place: the triggers follow each of them.
      await sql.execute(
        `insert into llm_usage (guild_id, cog_name, provider, model, request_type, status, prompt_tokens, completion_tokens, total_tokens, estimated_cost_usd, latency_ms, created_at)
         select 1234567890123456789, 'ask', 'openai', 'gpt-a', 'text', 'ok', 10, 5, 15, 0.001, 100, ?::timestamptz + g * interval '7 hours' from generate_series(0, 40) g`,
        [new Date(START)],
      );
      await sql.execute(`update llm_usage set estimated_cost_usd = estimated_cost_usd * 2, status = 'error' where id % 17 = 0`);
      await sql.execute(`update llm_usage set created_at = created_at + interval '1 day', model = 'gpt-b' where id % 23 = 0`);
      await sql.execute(`delete from llm_usage where id % 19 = 0`);
      // Every row of one day and model gone: its rollup rows go too, as the raw table has no such group.
      await sql.execute(`delete from llm_usage where model = 'claude-a' and created_at >= ? and created_at < ?`, [
        new Date(START + 3 * DAY_MS),
        new Date(START + 4 * DAY_MS),
      ]);
    });

    it('GIVEN inserts, updates and deletes THEN each rollup row equals the group by of llm_usage', async () => {
      expect(await rollupDrift()).toEqual([]);
      const [counts] = await sql.execute<{ raw: string; totals: string; guilds: string }>(
        `select (select count(*) from llm_usage)::text as raw, (select sum(requests) from llm_usage_daily_totals)::text as totals,
                (select sum(requests) from llm_usage_daily_guilds)::text as guilds`,
      );
      expect(counts!.totals).toBe(counts!.raw);
      expect(counts!.guilds).toBe(counts!.raw);
      expect(await sql.execute(`select 1 from llm_usage_daily_totals where day = ?::date and model = 'claude-a'`, ['2026-03-05'])).toEqual([]);
    });

    const at = (days: number, hours = 0) => new Date(START + days * DAY_MS + hours * 3_600_000);
    const ranges: Array<[string, Date, Date]> = [
      ['whole days', at(2), at(9)],
      ['cutting both edge days', at(1, 7.5), at(12, 19.25)],
      ['cutting the first day only', at(0, 0.5), at(14)],
      ['within one day', at(4, 1), at(4, 23)],
      ['across one midnight, no whole day', at(5, 20), at(6, 3)],
      ['wider than the data', at(-30), at(40, 6)],
    ];
    const granularities: UsageGranularity[] = ['day', 'week', 'month'];

    it.each(ranges)('GIVEN a range %s THEN every summary equals the raw table answer', async (_, from, to) => {
      const filters = [{}, { guildId: GUILDS[0] }, { cogName: 'ask' }, { provider: 'openai' }, { provider: 'openai', model: 'gpt-b' }, { cogName: 'none' }];
      for (const granularity of granularities) {
        for (const extra of filters) {
          const filter = { from, to, granularity, ...extra };
          const expected = await summarizeUsage(db, filter, { rollups: false });
          expect(await summarizeUsage(db, filter), `${granularity} ${JSON.stringify(extra)}`).toEqual(expected);
        }
      }
      // The comparison is not between two empty answers.
      expect((await summarizeUsage(db, { from, to, granularity: 'day' })).totals.requests).toBeGreaterThan(0);
    });

    it.each(ranges)('GIVEN a range %s THEN every breakdown equals the raw table answer', async (_, from, to) => {
      const keys: UsageBreakdownKey[] = ['provider', 'model', 'guild', 'cog'];
      for (const granularity of granularities) {
        for (const by of keys) {
          const filter = { from, to, granularity, by };
          const expected = await breakdownUsage(db, filter, { rollups: false });
          expect(await breakdownUsage(db, filter), `${granularity} ${by}`).toEqual(expected);
        }
      }
      const guilds = await breakdownUsage(db, { from, to, granularity: 'day', by: 'guild' });
      expect(guilds.series.length).toBeGreaterThan(0);
      expect(guilds.top_guilds.map((row) => row.label)).toEqual(expect.arrayContaining(['Zeta', 'Alpha', '(none)']));
    });

    it('GIVEN a range of whole days THEN the summary totals are the rollup sums, computed by hand from llm_usage', async () => {
      const [raw] = await sql.execute<{ requests: string; cost: string }>(
        `select count(*)::text as requests, sum(estimated_cost_usd)::text as cost from llm_usage where created_at >= ? and created_at < ?`,
        [at(2), at(9)],
      );
      const summary = await summarizeUsage(db, { from: at(2), to: at(9), granularity: 'week' });
      expect(summary.totals).toMatchObject({ requests: Number(raw!.requests), cost_usd: raw!.cost });
    });
  });
});
