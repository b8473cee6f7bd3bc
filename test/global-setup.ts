// Vitest global setup shared by every project: one PostgreSQL and one Redis for the whole run, handed to
// the test workers through environment variables. Each test creates its own database and key prefix
// (see `createTestDatabase` and `createTestRedis` in @baseline/testing).
import { ensureTestServices } from './services.js';
import { startSecretAudit } from './support/secret-audit.js';

const OWNER = Symbol.for('baseline.testServices');
type Holder = { [OWNER]?: Promise<Awaited<ReturnType<typeof ensureTestServices>>> };

export default async function setup(): Promise<() => Promise<void>> {
  const holder = globalThis as Holder;
  const first = !holder[OWNER];
  // One audit folder for the whole run, made by the first project's setup and audited by its teardown, after every
  // project's files have run (see test/support/secret-audit.ts).
  const finishAudit = first ? startSecretAudit() : undefined;
  holder[OWNER] ??= ensureTestServices();
  const services = await holder[OWNER];
  process.env.BASELINE_TEST_DATABASE_URL = services.databaseUrl;
  process.env.BASELINE_TEST_REDIS_URL = services.redisUrl;
  return async () => {
    if (!first) return;
    await services.stop();
    finishAudit?.();
  };
}
