import type { Transaction } from '@mikro-orm/core';
import { MigrationRunner, MigrationStorage, type Migration } from '@mikro-orm/migrations';
import type { AbstractSqlDriver } from '@mikro-orm/postgresql';
import { BaselineError } from '../../errors/baseline-error.js';
import type { Database } from '../create-database.js';
import { CORE_ERROR_CODES } from '../../errors/core-error-codes.js';

/** A class extending MikroORM's `Migration`, with `up()` and a working `down()`. */
export type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

/**
 * One migration of a list. Give it a stable `name` (or set the instance's `name`): class names do not
 * survive minifiers, and the name is what the tracking table remembers.
 */
export type MigrationEntry = MigrationClass | { name: string; class: MigrationClass };

/** An ordered list of migrations and the table that tracks which of them ran. */
export interface MigrationSet {
  /** Tracking table, e.g. `baseline_migrations` or `plugin_polls_migrations` (see {@link pluginMigrationsTable}). */
  tableName: string;
  /** Applied in this order; append new ones, never reorder or rename executed ones. */
  migrations: readonly MigrationEntry[];
}

/** A migration recorded in a tracking table. */
export interface ExecutedMigration {
  name: string;
  executedAt: Date;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The tracking table of a plugin's migrations: `plugin_<id>_migrations`, with every character of the id that
 * is not a lowercase letter, digit or underscore replaced by `_`.
 *
 * @example
 * pluginMigrationsTable('@acme/polls') // 'plugin__acme_polls_migrations'
 */
export function pluginMigrationsTable(pluginId: string): string {
  return `plugin_${pluginId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_migrations`.slice(0, 63);
}

interface Resolved {
  name: string;
  instance: Migration;
}

interface Tracking {
  driver: AbstractSqlDriver;
  storage: MigrationStorage;
  runner: MigrationRunner;
  known: Resolved[];
}

/**
 * Runs `fn` inside one transaction that holds an advisory lock on the tracking table, so processes starting
 * together (bot and API) migrate one after the other, and a failing migration rolls the whole batch back.
 */
async function withTracking<T>(db: Database, set: MigrationSet, fn: (tracking: Tracking, trx: Transaction) => Promise<T>): Promise<T> {
  if (!TABLE_NAME.test(set.tableName)) {
    throw new BaselineError(CORE_ERROR_CODES.database.migrationTable, `invalid migrations table name "${set.tableName}": use lowercase letters, digits and _`);
  }
  const driver = db.orm.em.getDriver() as AbstractSqlDriver;
  const config = db.orm.config;
  const options = { ...config.get('migrations'), tableName: set.tableName, transactional: true, allOrNothing: true };
  const storage = new MigrationStorage(driver, options);
  const runner = new MigrationRunner(driver, options, config);
  const known = set.migrations.map((entry): Resolved => {
    const Class = typeof entry === 'function' ? entry : entry.class;
    const instance = new Class(driver, config);
    const name = typeof entry === 'function' ? (instance.name ?? entry.name) : entry.name;
    return { name, instance };
  });
  const duplicate = known.find((m, i) => known.findIndex((other) => other.name === m.name) !== i);
  if (duplicate) {
    throw new BaselineError(CORE_ERROR_CODES.database.migrationDuplicate, `migration "${duplicate.name}" is listed twice for ${set.tableName}`);
  }

  return driver.getConnection().transactional(async (trx) => {
    storage.setMasterMigration(trx);
    runner.setMasterMigration(trx);
    try {
      await driver.execute('select pg_advisory_xact_lock(hashtext(?))', [set.tableName], 'all', trx);
      return await fn({ driver, storage, runner, known }, trx);
    } finally {
      storage.unsetMasterMigration();
      runner.unsetMasterMigration();
    }
  });
}

/** The listed migrations not recorded in the tracking table, in list order. */
async function pendingOf(tracking: Tracking): Promise<Resolved[]> {
  const executed = new Set(await tracking.storage.executed());
  return tracking.known.filter((m) => !executed.has(m.name));
}

async function apply(tracking: Tracking, set: MigrationSet, migration: Resolved, method: 'up' | 'down', db: Database): Promise<void> {
  try {
    await tracking.runner.run(migration.instance, method, async (tx) => {
      if (method === 'up') await tracking.storage.logMigration({ name: migration.name }, tx);
      else await tracking.storage.unlogMigration({ name: migration.name }, tx);
    });
  } catch (error) {
    throw new BaselineError(
      CORE_ERROR_CODES.database.migrationFailed,
      `migration "${migration.name}" (${set.tableName}) failed ${method === 'up' ? 'to apply' : 'to revert'}: ${(error as Error).message}`,
      { cause: error, details: { migration: migration.name, table: set.tableName, method } },
    );
  }
  db.logger.info({ migration: migration.name, table: set.tableName }, method === 'up' ? 'migration applied' : 'migration reverted');
}

/**
 * Applies every pending migration of `set`, in list order, all in one transaction.
 *
 * @returns the names applied, in order (empty when the database was up to date)
 * @example
 * ```ts
 * await runMigrations(db, { tableName: pluginMigrationsTable(plugin.id), migrations: plugin.migrations });
 * ```
 */
export function runMigrations(db: Database, set: MigrationSet): Promise<string[]> {
  return withTracking(db, set, async (tracking) => {
    const pending = await pendingOf(tracking);
    for (const migration of pending) await apply(tracking, set, migration, 'up', db);
    return pending.map((m) => m.name);
  });
}

/** Options of {@link rollbackMigrations}. */
export interface RollbackOptions {
  /**
   * `0` reverts every executed migration; a name reverts those executed after it (it stays applied).
   * @default the last executed migration only
   */
  to?: string | 0;
}

/**
 * Reverts executed migrations of `set` with their `down()`, newest first, in one transaction.
 * Fails with `BL_ERR_DB_MIGRATION_UNKNOWN` when an executed migration to revert is not in the list.
 *
 * @returns the names reverted, in the order they were reverted
 */
export function rollbackMigrations(db: Database, set: MigrationSet, options: RollbackOptions = {}): Promise<string[]> {
  return withTracking(db, set, async (tracking) => {
    const executed = (await tracking.storage.executed()).reverse();
    let targets: string[];
    if (options.to === 0) targets = executed;
    else if (options.to === undefined) targets = executed.slice(0, 1);
    else {
      const stop = executed.indexOf(options.to);
      if (stop < 0) throw new BaselineError(CORE_ERROR_CODES.database.migrationUnknown, `migration "${options.to}" was never executed in ${set.tableName}`);
      targets = executed.slice(0, stop);
    }
    for (const name of targets) {
      const migration = tracking.known.find((m) => m.name === name);
      if (!migration) {
        throw new BaselineError(CORE_ERROR_CODES.database.migrationUnknown, `cannot revert "${name}" from ${set.tableName}: it is not in the migration list`);
      }
      await apply(tracking, set, migration, 'down', db);
    }
    return targets;
  });
}

/** The migrations recorded in `set.tableName`, oldest first. */
export function executedMigrations(db: Database, set: MigrationSet): Promise<ExecutedMigration[]> {
  return withTracking(db, set, async (tracking) =>
    (await tracking.storage.getExecutedMigrations()).map((row) => ({ name: row.name, executedAt: new Date(row.executed_at) })),
  );
}

/** The names of the migrations of `set` not yet executed, in the order they would run. */
export function pendingMigrations(db: Database, set: MigrationSet): Promise<string[]> {
  return withTracking(db, set, async (tracking) => (await pendingOf(tracking)).map((m) => m.name));
}
