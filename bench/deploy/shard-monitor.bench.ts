// The shard monitor (core's readShardStatuses, behind GET /api/v1/shards) with 1,000 shard records in Redis: one
// HGETALL of the known-shards hash and one MGET of the live records, no key scan. Measured in the same run against
// (a) the bare two commands on the same keys, without parsing (the floor), and (b) the same answer found by
// scanning the key space for `shards:*` and reading each match (what a monitor without the known-shards hash does).
// Prints ratios and Redis round trips; asserts nothing.
import { performance } from 'node:perf_hooks';
import { createLogger, createRedisKeyValue, KNOWN_SHARDS_KEY, readShardStatuses, shardStatusKey } from '../../packages/core/src/index.js';
import { ensureTestServices } from '../../test/services.js';

const SHARDS = Number(process.env.BENCH_SHARDS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

const services = await ensureTestServices();
const kv = createRedisKeyValue({ url: services.redisUrl, prefix: `bench:shards:${process.pid}:`, logger: createLogger({ service: 'bench', level: 'warn' }) });
try {
  const now = Date.now();
  const known: Record<string, string> = {};
  for (let id = 0; id < SHARDS; id++) {
    const record = {
      id,
      shardCount: SHARDS,
      status: 'ready',
      guildCount: 1000,
      latencyMs: 40,
      uptimeMs: 1,
      readyAt: now,
      heartbeatAt: now,
      pid: 1,
      host: `host-${id % 16}`,
    };
    known[String(id)] = JSON.stringify(record);
    await kv.set(shardStatusKey(id), JSON.stringify({ ...record, guildIds: [] }), { ttlMs: 600_000 });
  }
  await kv.hset(KNOWN_SHARDS_KEY, known);

  const variants: Record<string, () => Promise<number>> = {
    'bare HGETALL + MGET': async () => {
      const ids = Object.keys(await kv.hgetall(KNOWN_SHARDS_KEY));
      return (await kv.mget(ids.map((id) => shardStatusKey(Number(id))))).length;
    },
    readShardStatuses: async () => (await readShardStatuses(kv)).length,
    'SCAN shards:* + MGET': async () => {
      const keys: string[] = [];
      for await (const key of kv.scan('shards:')) if (key !== KNOWN_SHARDS_KEY) keys.push(key);
      return (await kv.mget(keys)).length;
    },
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating order, so drift hits every variant alike.
    const names = round % 2 === 0 ? Object.keys(variants) : Object.keys(variants).reverse();
    for (const name of names) {
      const started = performance.now();
      const count = await variants[name]!();
      times[name]!.push(performance.now() - started);
      if (count !== SHARDS) throw new Error(`${name} saw ${count} shards, expected ${SHARDS}`);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const floor = median(times['bare HGETALL + MGET']!);
  console.log(`shard monitor, ${SHARDS} shard records, ${ROUNDS} rounds (median ms; ratio to the bare two commands)`);
  for (const [name, values] of Object.entries(times))
    console.log(`  ${name.padEnd(24)} ${median(values).toFixed(2).padStart(8)} ms  ${(median(values) / floor).toFixed(2)}x`);
} finally {
  for await (const key of kv.scan('')) await kv.del(key);
  await kv.close();
  await services.stop();
}
