/**
 * Finds or starts the PostgreSQL and Redis the test suite runs against.
 *
 * Order of preference for each service:
 * 1. the URL in `BASELINE_TEST_DATABASE_URL` / `BASELINE_TEST_REDIS_URL` when set (a failure is final);
 * 2. a server already listening on 127.0.0.1 (PostgreSQL 5432, user `postgres`, trust auth; Redis 6379);
 * 3. an installed server that is stopped: started with the distribution's own command;
 * 4. PostgreSQL: the embedded server from `embedded-postgres`, under `.baseline/test-postgres`;
 *    Redis: `redis-server` installed from Debian's packages when running as root.
 * Otherwise it stops with the one command that fixes it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Core's sources, not the package: the global setup is loaded before (and without) the projects' `@baseline/source`
// condition, and a fresh clone has no built `dist/` yet, so `npm test -- <folder>` must not need a build.
import { startEmbeddedPostgres } from '../packages/core/src/embedded/start-embedded-postgres.js';
import { createLogger } from '../packages/core/src/logger/create-logger.js';
import { Redis } from 'ioredis';
import pg from 'pg';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

export interface TestServices {
  databaseUrl: string;
  redisUrl: string;
  /** Stops whatever this module started (nothing when it found running servers). */
  stop(): Promise<void>;
}

const log = (message: string) => console.error(`[baseline:test-services] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function canPing(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(250);
  }
  return false;
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function ensurePostgres(): Promise<{ url: string; stop?: () => Promise<void> }> {
  const explicit = process.env.BASELINE_TEST_DATABASE_URL;
  if (explicit) {
    if (await canQuery(explicit)) return { url: explicit };
    throw new Error(`BASELINE_TEST_DATABASE_URL=${explicit} does not accept connections. Fix the URL or unset it to let the tests find or start PostgreSQL.`);
  }
  if (await canQuery(DEFAULT_PG)) return { url: DEFAULT_PG };

  if (hasCommand('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    for (const version of readdirSync('/etc/postgresql')) {
      log(`PostgreSQL is not answering on 127.0.0.1:5432; starting cluster ${version}/main`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    }
    if (await waitFor(() => canQuery(DEFAULT_PG), 15_000)) return { url: DEFAULT_PG };
  }

  log('no PostgreSQL server found; starting the embedded one (embedded-postgres)');
  const server = await startEmbeddedPostgres({
    dataDir: join(root, '.baseline', 'test-postgres'),
    database: 'postgres',
    logger: createLogger({ service: 'test-services', level: 'warn' }),
  });
  return { url: server.url, stop: () => server.close() };
}

async function ensureRedis(): Promise<{ url: string; stop?: () => Promise<void> }> {
  const explicit = process.env.BASELINE_TEST_REDIS_URL;
  if (explicit) {
    if (await canPing(explicit)) return { url: explicit };
    throw new Error(`BASELINE_TEST_REDIS_URL=${explicit} does not answer PING. Fix the URL or unset it to let the tests find or start Redis.`);
  }
  if (await canPing(DEFAULT_REDIS)) return { url: DEFAULT_REDIS };

  const isRoot = process.getuid?.() === 0;
  if (!hasCommand('redis-server') && isRoot && hasCommand('apt-get')) {
    log('Redis is not installed; installing redis-server from Debian packages');
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (install().status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit' });
      install();
    }
  }
  if (!hasCommand('redis-server')) {
    throw new Error(
      'Redis is not running on 127.0.0.1:6379 and redis-server is not installed. Fix: `sudo apt-get install -y redis-server`, or set BASELINE_TEST_REDIS_URL=redis://host:port.',
    );
  }
  const port = await freePort();
  log(`starting redis-server on 127.0.0.1:${port}`);
  execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', '/tmp']);
  const url = `redis://127.0.0.1:${port}`;
  if (!(await waitFor(() => canPing(url), 10_000))) throw new Error(`redis-server did not start on port ${port}`);
  return {
    url,
    stop: async () => {
      const redis = new Redis(url, { lazyConnect: true });
      redis.on('error', () => {});
      await redis
        .connect()
        .then(() => redis.call('shutdown', 'nosave'))
        .catch(() => {});
      redis.disconnect();
    },
  };
}

/** Drops test databases left behind by runs that were killed more than an hour ago. */
async function dropStaleDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'bl\\_test\\_%'");
    const hourAgo = Date.now() - 3_600_000;
    for (const { datname } of rows) {
      const stamp = Number.parseInt(datname.split('_')[2] ?? '', 36);
      if (Number.isFinite(stamp) && stamp < hourAgo) await client.query(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

export async function ensureTestServices(): Promise<TestServices> {
  const [postgres, redis] = await Promise.all([ensurePostgres(), ensureRedis()]);
  await dropStaleDatabases(postgres.url);
  return {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    async stop() {
      await Promise.all([postgres.stop?.(), redis.stop?.()]);
    },
  };
}
