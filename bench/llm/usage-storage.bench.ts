// `llm_usage` at scale: 10 million generated rows over 90 days and 5,000 guilds in a throwaway database, migrated by
// baseline (so the daily rollups and their triggers are live while the rows load). It times the API's analytics
// (core's summarizeUsage and breakdownUsage, as the routes call them) reading the rollups for whole days, against the
// same functions reading `llm_usage` alone ({ rollups: false }); every rollup answer is checked equal to the raw one.
// It also times the write side: a 200-row usage flush through the LLM package's sink with the rollup triggers, against
// the same flush with the triggers disabled.
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
  type UsageReadOptions,
} from '../../packages/core/src/index.js';
import { createSqlUsageSink, type UsageRecord } from '../../packages/llm/src/index.js';
import { ensureTestServices } from '../../test/services.js';
import { GUILD_BASE, loadUsage } from './usage-storage/load-usage.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const GUILDS = Number(process.env.BENCH_GUILDS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FLUSHES = Number(process.env.BENCH_FLUSHES ?? 60);
const DAYS = 90;
const DAY_MS = 86_400_000;

const services = await ensureTestServices();
const name = `bench_usage_${process.pid}`;
const url = new URL(services.databaseUrl);
url.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: services.databaseUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const logger = createLogger({ service: 'bench', level: 'error' });
let db: Database | undefined;
const client = new pg.Client({ connectionString: url.toString() });
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  db = await createDatabase({ url: url.toString(), logger, slowQueryMs: 600_000 });
  await migrateBaseline(db);
  await client.connect();
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);

  const started = performance.now();
  await loadUsage(client, { rows: ROWS, guilds: GUILDS, days: DAYS, now }, (done) => process.stderr.write(`\r  loaded ${done.toLocaleString('en')} rows`));
  await client.query('analyze llm_usage_daily_totals; analyze llm_usage_daily_guilds');
  console.log(
    `\nllm_usage: ${ROWS.toLocaleString('en')} rows, ${GUILDS} guilds, ${DAYS} days, loaded (rollups kept by the triggers) and indexed in ${seconds(started)}`,
  );
  const sizes = await client.query(
    `select relname, reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
      where relname in ('llm_usage', 'llm_usage_daily_totals', 'llm_usage_daily_guilds') and relnamespace = 'public'::regnamespace order by 1`,
  );
  console.log(`sizes with indexes: ${sizes.rows.map((row) => `${row.relname} ${Number(row.rows).toLocaleString('en')} rows ${row.size}`).join(', ')}`);

  // The dashboard's defaults: the last 30 days up to now (not a day boundary), by day.
  const to = new Date(now.getTime() - 3.5 * 3_600_000);
  const from = new Date(to.getTime() - 30 * DAY_MS);
  const busiestGuild = GUILD_BASE.toString();
  const analytics = db;
  const queries: Record<string, (options: UsageReadOptions) => Promise<unknown>> = {
    'summary, all guilds, 30 d by day': (options) => summarizeUsage(analytics, { from, to, granularity: 'day' }, options),
    'summary, one guild, 30 d by day': (options) => summarizeUsage(analytics, { from, to, granularity: 'day', guildId: busiestGuild }, options),
    'summary, one cog, 30 d by day': (options) => summarizeUsage(analytics, { from, to, granularity: 'day', cogName: 'ask' }, options),
    'summary, all guilds, 90 d by month': (options) =>
      summarizeUsage(analytics, { from: new Date(to.getTime() - 90 * DAY_MS), to, granularity: 'month' }, options),
    'breakdown by guild, 30 d by day': (options) => breakdownUsage(analytics, { from, to, granularity: 'day', by: 'guild' }, options),
    'breakdown by model, 30 d by day': (options) => breakdownUsage(analytics, { from, to, granularity: 'day', by: 'model' }, options),
  };
  const variants: Record<string, UsageReadOptions> = { raw: { rollups: false }, rollups: {} };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`\nanalytics queries, ${ROUNDS} rounds (median ms; ratio to llm_usage alone)`);
  console.log(
    `  ${'query'.padEnd(36)} ${Object.keys(variants)
      .map((variant) => variant.padStart(20))
      .join('')}`,
  );
  for (const [label, query] of Object.entries(queries)) {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((variant) => [variant, []]));
    const expected = await query(variants.raw!);
    if (!isDeepStrictEqual(await query(variants.rollups!), expected)) throw new Error(`the rollups answered "${label}" differently from llm_usage`);
    for (let round = 0; round < ROUNDS; round++) {
      const names = round % 2 === 0 ? Object.keys(variants) : Object.keys(variants).reverse();
      for (const variant of names) {
        const began = performance.now();
        await query(variants[variant]!);
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

  // The write side: what a usage flush of 200 rows costs with the rollup triggers, against the bare insert.
  const sink = createSqlUsageSink(rowExecutorFromDatabase(db));
  const batch = (): UsageRecord[] =>
    Array.from({ length: 200 }, (_, index) => ({
      recordId: randomUUID(),
      guildId: (GUILD_BASE + BigInt(index % 50)).toString(),
      userId: '200000000000000001',
      cogName: 'ask',
      provider: 'anthropic',
      model: 'claude-haiku-4',
      requestType: 'text',
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
  const modes = { 'insert without triggers': 'disable', 'insert + rollup triggers': 'enable' } as const;
  const flushTimes: Record<string, number[]> = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
  for (let round = 0; round < FLUSHES; round++) {
    const names = (round % 2 === 0 ? Object.keys(modes) : Object.keys(modes).reverse()) as Array<keyof typeof modes>;
    for (const mode of names) {
      await client.query(`alter table llm_usage ${modes[mode]} trigger user`);
      const records = batch();
      const began = performance.now();
      await sink.write(records);
      flushTimes[mode]!.push(performance.now() - began);
    }
  }
  await client.query('alter table llm_usage enable trigger user');
  // Every row but those of the flushes without triggers is counted in the rollups.
  const [check] = (await client.query(`select (select count(*) from llm_usage) as raw, (select sum(requests) from llm_usage_daily_totals) as rolled`)).rows;
  if (Number(check.raw) - FLUSHES * 200 !== Number(check.rolled)) throw new Error(`the rollup holds ${check.rolled} requests, llm_usage ${check.raw} rows`);
  const flushBase = median(flushTimes['insert without triggers']!);
  console.log(`\nusage flush of 200 rows, ${FLUSHES} flushes each (median ms; ratio to the insert without triggers)`);
  for (const [mode, values] of Object.entries(flushTimes))
    console.log(`  ${mode.padEnd(36)} ${median(values).toFixed(1).padStart(8)} ms  ${(median(values) / flushBase).toFixed(2)}x`);
} finally {
  await db?.close();
  await client.end().catch(() => {});
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  await services.stop();
}
