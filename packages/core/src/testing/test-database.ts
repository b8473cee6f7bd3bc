import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** A PostgreSQL database that belongs to one test file and is dropped afterwards. */
export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Its name: `bl_test_<base36 time>_<random>`. */
  name: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.BASELINE_TEST_DATABASE_URL;
  if (!url) {
    throw new BaselineError(
      CORE_ERROR_CODES.testServices.unconfigured,
      'BASELINE_TEST_DATABASE_URL is not set. Run tests through `npm test` (or Vitest with the repo config), ' +
        'whose global setup finds or starts PostgreSQL, or set it to a server where you may create databases.',
    );
  }
  return url;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database on the test server.
 *
 * @example
 * ```ts
 * let db: TestDatabase;
 * beforeAll(async () => { db = await createTestDatabase(); });
 * afterAll(() => db.drop());
 * ```
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `bl_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin(async (client) => void (await client.query(`drop database if exists "${name}" with (force)`))),
  };
}
