// `llm_usage` at scale: 10 million generated rows over 90 days and 5,000 guilds in a throwaway database, the API's
// analytics queries (summarizeUsage and breakdownUsage, imported as they are) timed against the same answers from
// (a) the same table split into monthly partitions (the same functions, run by a role whose search_path finds the
// partitioned table first) and (b) a daily rollup per guild, cog, provider and model (usage-storage/usage-rollup.ts).
// Every alternative's answer is checked equal to the raw table's. It also times the write side: a 200-row usage
// flush through the LLM package's sink, plain and with the rollup refreshed in the same statement.
// BENCH_ROWS, BENCH_GUILDS, BENCH_ROUNDS and BENCH_FLUSHES size it; it prints medians and ratios, asserts nothing.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  breakdownUsage,
  createDatabase,
  createLogger,
  migrateBaseline,
  rowExecutorFromDatabase,
  summarizeUsage,
  type Database,
} from '../../packages/core/src/index.js';
import { createSqlUsageSink, type UsageRecord } from '../../packages/llm/src/index.js';
import { ensureTestServices } from '../../test/services.js';
import { GUILD_BASE, loadUsage, USAGE_INDEXES } from './usage-storage/load-usage.js';
import { breakdownUsageFromRollup, BUILD_ROLLUP, CREATE_ROLLUP, insertWithRollup, summarizeUsageFromRollup } from './usage-storage/usage-rollup.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const GUILDS = Number(process.env.BENCH_GUILDS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FLUSHES = Number(process.env.BENCH_FLUSHES ?? 60);
const DAYS = 90;
const DAY_MS = 86_400_000;

const services = await ensureTestServices();
const name = `bench_usage_${process.pid}`;
const role = `bench_usage_partitioned_${process.pid}`;
const urlOf = (user: string) => {
  const url = new URL(services.databaseUrl);
  url.pathname = `/${name}`;
  url.username = user;
  return url.toString();
};
const admin = new pg.Client({ connectionString: services.databaseUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.query(`create role ${role} login`);
await admin.query(`alter role ${role} in database ${name} set search_path = partitioned, public`);
const logger = createLogger({ service: 'bench', level: 'error' });
const databases: Database[] = [];
const client = new pg.Client({ connectionString: urlOf(new URL(services.databaseUrl).username || 'postgres') });
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  const db = await createDatabase({ url: urlOf(new URL(services.databaseUrl).username || 'postgres'), logger, slowQueryMs: 600_000 });
  databases.push(db);
  await migrateBaseline(db);
  await client.connect();
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);

  let started = performance.now();
  await loadUsage(client, { rows: ROWS, guilds: GUILDS, days: DAYS, now }, (done) => process.stderr.write(`\r  loaded ${done.toLocaleString('en')} rows`));
  console.log(`\nllm_usage: ${ROWS.toLocaleString('en')} rows, ${GUILDS} guilds, ${DAYS} days, loaded and indexed in ${seconds(started)}`);

  started = performance.now();
  for (const statement of CREATE_ROLLUP) await client.query(statement);
  await client.query(BUILD_ROLLUP);
  await client.query('analyze llm_usage_daily');
  const rollupRows = Number((await client.query('select count(*) from llm_usage_daily')).rows[0].count);
  console.log(`llm_usage_daily: ${rollupRows.toLocaleString('en')} rows (${(ROWS / rollupRows).toFixed(1)} usage rows each), built in ${seconds(started)}`);

  started = performance.now();
  await client.query('create schema partitioned');
  await client.query('create table partitioned.llm_usage (like public.llm_usage including defaults including constraints) partition by range (created_at)');
  for (
    let month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 1));
    month <= now;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  ) {
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    await client.query(
      `create unlogged table partitioned.llm_usage_${month.toISOString().slice(0, 7).replace('-', '_')} partition of partitioned.llm_usage for values from ('${month.toISOString()}') to ('${next.toISOString()}')`,
    );
  }
  await client.query('insert into partitioned.llm_usage select * from public.llm_usage');
  // The same indexes, on the partitioned parent (each partition gets its own); the unique record id index would have
  // to include created_at there, so it is left out (reads never use it).
  for (const statement of USAGE_INDEXES.filter((statement) => !statement.includes('unique')))
    await client.query(statement.replace(/"(llm_usage[^"]*)" on "llm_usage"/, '"$1" on partitioned.llm_usage'));
  await client.query('analyze partitioned.llm_usage');
  await client.query(`grant usage on schema public, partitioned to ${role}`);
  await client.query(`grant select on all tables in schema public, partitioned to ${role}`);
  console.log(`partitioned.llm_usage: monthly partitions, copied and indexed in ${seconds(started)}`);
  const partitioned = await createDatabase({ url: urlOf(role), logger, slowQueryMs: 600_000 });
  databases.push(partitioned);

  const sizes = await client.query(
    `select relname, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class where relname in ('llm_usage', 'llm_usage_daily') and relnamespace = 'public'::regnamespace order by 1`,
  );
  console.log(`sizes with indexes: ${sizes.rows.map((row) => `${row.relname} ${row.size}`).join(', ')}`);

  // The dashboard's defaults: the last 30 days up to now (not a day boundary), by day.
  const to = new Date(now.getTime() - 3.5 * 3_600_000);
  const from = new Date(to.getTime() - 30 * DAY_MS);
  const busiestGuild = GUILD_BASE.toString();
  type Query = { raw: (db: Database) => Promise<unknown>; rollup: (db: Database) => Promise<unknown> };
  const queries: Record<string, Query> = {
    'summary, all guilds, 30 d by day': {
      raw: (db) => summarizeUsage(db, { from, to, granularity: 'day' }),
      rollup: (db) => summarizeUsageFromRollup(db, { from, to, granularity: 'day' }),
    },
    'summary, one guild, 30 d by day': {
      raw: (db) => summarizeUsage(db, { from, to, granularity: 'day', guildId: busiestGuild }),
      rollup: (db) => summarizeUsageFromRollup(db, { from, to, granularity: 'day', guildId: busiestGuild }),
    },
    'summary, one cog, 30 d by day': {
      raw: (db) => summarizeUsage(db, { from, to, granularity: 'day', cogName: 'ask' }),
      rollup: (db) => summarizeUsageFromRollup(db, { from, to, granularity: 'day', cogName: 'ask' }),
    },
    'summary, all guilds, 90 d by month': {
      raw: (db) => summarizeUsage(db, { from: new Date(to.getTime() - 90 * DAY_MS), to, granularity: 'month' }),
      rollup: (db) => summarizeUsageFromRollup(db, { from: new Date(to.getTime() - 90 * DAY_MS), to, granularity: 'month' }),
    },
    'breakdown by guild, 30 d by day': {
      raw: (db) => breakdownUsage(db, { from, to, granularity: 'day', by: 'guild' }),
      rollup: (db) => breakdownUsageFromRollup(db, { from, to, granularity: 'day', by: 'guild' }),
    },
    'breakdown by model, 30 d by day': {
      raw: (db) => breakdownUsage(db, { from, to, granularity: 'day', by: 'model' }),
      rollup: (db) => breakdownUsageFromRollup(db, { from, to, granularity: 'day', by: 'model' }),
    },
  };
  const variants: Record<string, (query: Query) => Promise<unknown>> = {
    raw: (query) => query.raw(db),
    partitioned: (query) => query.raw(partitioned),
    rollup: (query) => query.rollup(db),
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`\nanalytics queries, ${ROUNDS} rounds (median ms; ratio to the raw table)`);
  console.log(
    `  ${'query'.padEnd(36)} ${Object.keys(variants)
      .map((variant) => variant.padStart(20))
      .join('')}`,
  );
  for (const [label, query] of Object.entries(queries)) {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((variant) => [variant, []]));
    const expected = await query.raw(db);
    for (const [variant, run] of Object.entries(variants)) {
      if (!isDeepStrictEqual(await run(query), expected)) throw new Error(`${variant} answered "${label}" differently from the raw table`);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const names = round % 2 === 0 ? Object.keys(variants) : Object.keys(variants).reverse();
      for (const variant of names) {
        const began = performance.now();
        await variants[variant]!(query);
        times[variant]!.push(performance.now() - began);
      }
    }
    const base = median(times.raw!);
    console.log(
      `  ${label.padEnd(36)} ${Object.values(times)
        .map((values) => `${median(values).toFixed(1)} ms ${(median(values) / base).toFixed(2)}x`.padStart(20))
        .join('')}`,
    );
  }

  // The write side: what a usage flush of 200 rows costs with the rollup kept current in the same statement.
  const inner = rowExecutorFromDatabase(db);
  const sinks = {
    'plain insert': createSqlUsageSink(inner),
    'insert + rollup upsert': createSqlUsageSink({ execute: (sql, params) => inner.execute(insertWithRollup(sql), params) }),
  };
  const batch = (): UsageRecord[] =>
    Array.from({ length: 200 }, (_, index) => ({
      recordId: randomUUID(),
      guildId: (GUILD_BASE + BigInt(index % 50)).toString(),
      userId: '200000000000000001',
      cogName: 'ask',
      provider: 'anthropic',
      model: 'claude-haiku-4',
      requestType: 'chat',
      status: 'ok',
      errorCode: null,
      promptTokens: 100,
      completionTokens: 50,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
      totalTokens: 150,
      units: null,
      costUsd: '0.0003500000',
      latencyMs: 900,
      pricingId: null,
      createdAt: new Date(),
      metadata: {},
    }));
  const flushTimes: Record<string, number[]> = Object.fromEntries(Object.keys(sinks).map((sink) => [sink, []]));
  for (let round = 0; round < FLUSHES; round++) {
    const names = round % 2 === 0 ? Object.keys(sinks) : Object.keys(sinks).reverse();
    for (const sink of names) {
      const records = batch();
      const began = performance.now();
      await sinks[sink as keyof typeof sinks].write(records);
      flushTimes[sink]!.push(performance.now() - began);
    }
  }
  // Every row but those of the plain flushes is counted in the rollup.
  const [check] = (await client.query(`select (select count(*) from llm_usage) as raw, (select sum(requests) from llm_usage_daily) as rolled`)).rows;
  if (Number(check.raw) - FLUSHES * 200 !== Number(check.rolled)) throw new Error(`rollup holds ${check.rolled} requests, llm_usage ${check.raw} rows`);
  const flushBase = median(flushTimes['plain insert']!);
  console.log(`\nusage flush of 200 rows, ${FLUSHES} flushes each (median ms; ratio to the plain insert)`);
  for (const [sink, values] of Object.entries(flushTimes))
    console.log(`  ${sink.padEnd(36)} ${median(values).toFixed(1).padStart(8)} ms  ${(median(values) / flushBase).toFixed(2)}x`);
} finally {
  for (const db of databases) await db.close();
  await client.end().catch(() => {});
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`drop role if exists ${role}`);
  await admin.end();
  await services.stop();
}
