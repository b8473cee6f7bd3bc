import { performance } from 'node:perf_hooks';
import type { AnyEntity, EntityClass, EntitySchema } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { BaselineError } from '../errors/baseline-error.js';
import { baselineEntities } from './entities/index.js';
import { DEBUG_NAMESPACES, PinoQueryLogger } from './query-logger.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Options of {@link createDatabase}. */
export interface CreateDatabaseOptions {
  /** PostgreSQL connection URL, e.g. `postgres://user:pass@127.0.0.1:5432/bot`. */
  url: string;
  /** Receives slow-query warnings and, with `debug`, every query at `debug` level. */
  logger: Logger;
  /**
   * Connection pool bounds per process.
   * @default { min: 0, max: 10 }
   */
  pool?: { min?: number; max?: number };
  /**
   * Queries taking at least this many milliseconds are logged as `warn` with their SQL and `duration_ms`.
   * `0` logs every query.
   * @default 200
   */
  slowQueryMs?: number;
  /**
   * Log every query (SQL without parameter values) and ORM discovery at `debug` level.
   * @default false
   */
  debug?: boolean;
  /** Entities besides baseline's own, e.g. the plugins' ones. */
  entities?: readonly DatabaseEntity[];
}

/** A MikroORM entity given to {@link createDatabase}: a `defineEntity`/`EntitySchema` result or a decorated class. */
export type DatabaseEntity = EntitySchema | EntityClass<AnyEntity>;

/** A connected database: the MikroORM instance plus the few helpers everything else needs. */
export interface Database {
  /** The MikroORM instance. Prefer {@link Database.fork} for unit-of-work code. */
  readonly orm: MikroORM;
  /** The logger the database was created with. */
  readonly logger: Logger;
  /** A fresh `EntityManager` with its own identity map: use one per request, command or job. */
  fork(): EntityManager;
  /** Runs `select 1` and returns the round trip in milliseconds. */
  ping(): Promise<number>;
  /** Closes every pooled connection. */
  close(): Promise<void>;
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable database URL>';
  }
}

/**
 * Connects to PostgreSQL through MikroORM with baseline's entities registered.
 *
 * Fails with `BL_ERR_DB_CONNECT` when the server cannot be reached; the message carries the URL with its
 * password masked.
 *
 * @param options - see {@link CreateDatabaseOptions}
 * @example
 * ```ts
 * const db = await createDatabase({ url: config.database.url!, logger });
 * await migrateBaseline(db);
 * const guilds = await listActiveGuilds(db);
 * await db.close();
 * ```
 */
export async function createDatabase(options: CreateDatabaseOptions): Promise<Database> {
  const { url, logger, pool = {}, slowQueryMs = 200, debug = false, entities = [] } = options;
  const dbLogger = logger.child({ component: 'database' });
  const orm = await MikroORM.init({
    clientUrl: url,
    entities: [...baselineEntities, ...entities],
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
    debug: debug ? DEBUG_NAMESPACES : false,
    loggerFactory: (loggerOptions) => new PinoQueryLogger(dbLogger, loggerOptions.debugMode),
    slowQueryThreshold: slowQueryMs,
    // Schema changes go through migrations only, never through the ORM discovering a difference.
    ensureDatabase: false,
    allowGlobalContext: false,
  });

  try {
    await orm.connect();
    const check = await orm.checkConnection();
    if (!check.ok) throw check.error ?? new Error(check.reason);
  } catch (error) {
    await orm.close(true).catch(() => {});
    throw new BaselineError(CORE_ERROR_CODES.database.connect, `cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  return {
    orm,
    logger: dbLogger,
    fork: () => orm.em.fork(),
    async ping() {
      const started = performance.now();
      await orm.em.getConnection().execute('select 1');
      return performance.now() - started;
    },
    close: () => orm.close(),
  };
}
