import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** A whole Redis logical database reserved for one test: for tests that flush Redis or must see every key. */
export interface TestRedisDatabase {
  /** URL of the reserved database (`redis://host:port/<index>`). */
  url: string;
  /** Its index, 1–15. */
  index: number;
  /** Every key in the database, for assertions such as "nothing outside my prefix". */
  keys(): Promise<string[]>;
  /** Deletes every key of the reserved database (FLUSHDB), as an operator flushing Redis would. */
  flush(): Promise<void>;
  /** Flushes the database and releases it for other tests. */
  release(): Promise<void>;
}

/** How long a reservation lasts if the test is killed before releasing it. */
const RESERVATION_TTL_MS = 600_000;

function baseUrl(): string {
  const url = process.env.BASELINE_TEST_REDIS_URL;
  if (!url) {
    throw new BaselineError(
      CORE_ERROR_CODES.testServices.unconfigured,
      'BASELINE_TEST_REDIS_URL is not set. Run tests through `npm test` (or Vitest with the repo config), whose global setup finds or starts Redis.',
    );
  }
  return url;
}

/**
 * Reserves an empty Redis logical database (1–15) on the test server for one test file. Database 0 is where every
 * other test works under its own key prefix ({@link createTestRedis}); a test that flushes Redis, or asserts that
 * no key at all was written outside a prefix, needs a database nobody else writes to. Reservations are keys in
 * database 0 (`bl_test:redis-db:<index>`), taken atomically, so parallel test files never share one.
 *
 * @throws BaselineError `BL_ERR_TEST_SERVICES_REDIS_BUSY` when all 15 databases are reserved or hold keys.
 * @example
 * ```ts
 * const redisDb = await createTestRedisDatabase();
 * const kv = createKeyValue({ redisUrl: redisDb.url, logger });
 * await redisDb.flush();
 * await redisDb.release();
 * ```
 */
export async function createTestRedisDatabase(): Promise<TestRedisDatabase> {
  const url = baseUrl();
  const token = randomBytes(8).toString('hex');
  const admin = new Redis(url);
  try {
    for (let index = 1; index <= 15; index += 1) {
      const reservation = `bl_test:redis-db:${index}`;
      if ((await admin.set(reservation, token, 'PX', RESERVATION_TTL_MS, 'NX')) !== 'OK') continue;
      const client = new Redis(url, { db: index });
      if ((await client.dbsize()) > 0) {
        client.disconnect();
        await admin.del(reservation);
        continue;
      }
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${index}`;
      return {
        url: dbUrl.toString(),
        index,
        keys: () => client.keys('*'),
        flush: async () => void (await client.flushdb()),
        async release() {
          await client.flushdb();
          client.disconnect();
          const releaser = new Redis(url);
          try {
            if ((await releaser.get(reservation)) === token) await releaser.del(reservation);
          } finally {
            releaser.disconnect();
          }
        },
      };
    }
    throw new BaselineError(
      CORE_ERROR_CODES.testServices.redisDatabasesBusy,
      'no free Redis logical database (1–15) on the test server: each is reserved by another test or holds keys',
    );
  } finally {
    admin.disconnect();
  }
}
