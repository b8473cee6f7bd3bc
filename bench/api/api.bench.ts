// @baseline/api: p50/p95/p99 and throughput of GET and PUT …/settings (one row, and spread over 10 guilds) and
// GET /api/v1/guilds (with the default 2 s list cache, and with it off for one user and for 50 users) with a session,
// at 50 connections, each against a bare Fastify route doing the same single PostgreSQL write to the same rows (PUTs)
// or read (the rest), measured in alternating slices in the same run. autocannon runs in a child process. The code
// lives beside the package (it needs the package's dependencies); PostgreSQL and Redis come from the test services.
import { ensureTestServices } from '../../test/services.js';

const services = await ensureTestServices();
process.env.BASELINE_TEST_DATABASE_URL = services.databaseUrl;
process.env.BASELINE_TEST_REDIS_URL = services.redisUrl;
const { runApiBenchmark } = await import('../../packages/api/bench/run-api-benchmark.js');
try {
  await runApiBenchmark({ connections: 50, durationSeconds: Number(process.env.BENCH_SECONDS ?? 8) });
} finally {
  await services.stop();
}
