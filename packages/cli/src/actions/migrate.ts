import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  baselineMigrations,
  executedMigrations,
  pendingMigrations,
  rollbackMigrations,
  runMigrations,
  type Database,
  type LoadedPlugin,
  type MigrationSet,
} from '@baseline/core';
import { appPlugins, loadAppForCommand } from '../app/app-plugins.js';
import { openAppDatabase } from '../app/open-app-database.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { formatTable } from '../support/format-table.js';
import { readAppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';

/** A migration list with the name people use for it: `baseline` or a plugin id. */
interface NamedSet {
  readonly owner: string;
  readonly set: MigrationSet;
}

/** `baseline migrate status|up|down|create`. */
async function withMigrationSets(appDir: string, only: string | undefined, run: (db: Database, sets: NamedSet[]) => Promise<void>): Promise<void> {
  readAppPackage(appDir);
  const app = await loadAppForCommand(appDir);
  const database = await withSpinner('Connecting to the database', () => openAppDatabase(appDir));
  try {
    const { plugins } = await appPlugins(appDir, app, database.logger);
    let sets: NamedSet[] = [{ owner: 'baseline', set: baselineMigrations }, ...plugins.filter(hasMigrations).map(pluginSet)];
    if (only !== undefined) {
      sets = sets.filter((entry) => entry.owner === only);
      if (sets.length === 0) {
        const known = ['baseline', ...plugins.map((loaded) => loaded.id)].join(', ');
        throw new CliError(
          CLI_ERROR_CODES.pluginUnknown,
          `no plugin "${only}" with migrations is loaded (loaded: ${known}); check the id with \`baseline plugins list\`.`,
        );
      }
    }
    await run(database.db, sets);
  } catch (error) {
    if (error instanceof CliError || !(error instanceof Error)) throw error;
    throw new CliError(CLI_ERROR_CODES.migrationFailed, `${error.message}`, { cause: error });
  } finally {
    await database.close();
  }
}

function hasMigrations(loaded: LoadedPlugin): boolean {
  return (loaded.plugin.migrations?.length ?? 0) > 0;
}

function pluginSet(loaded: LoadedPlugin): NamedSet {
  return { owner: loaded.id, set: { tableName: loaded.migrationsTable, migrations: loaded.plugin.migrations ?? [] } };
}

const MIGRATION_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Writes `NNNN-<name>.ts` with an empty `up` and `down`, numbered after the folder's last migration. */
async function createMigrationFile(appDir: string, name: string, plugin: string | undefined): Promise<string> {
  if (!MIGRATION_NAME.test(name)) {
    throw new CliError(CLI_ERROR_CODES.invalidArgument, `"${name}" is not a migration name: use kebab case, e.g. add-notes-pinned.`);
  }
  const pkg = readAppPackage(appDir) as { baseline?: unknown };
  if (plugin === undefined && pkg.baseline === undefined) {
    throw new CliError(CLI_ERROR_CODES.invalidArgument, 'a bot app keeps migrations in its plugins: pass --plugin <id> for src/plugins/<id>/migrations/.');
  }
  const dir = plugin === undefined ? join(appDir, 'src', 'migrations') : join(appDir, 'src', 'plugins', plugin, 'migrations');
  if (plugin !== undefined && !existsSync(join(appDir, 'src', 'plugins', plugin))) {
    throw new CliError(CLI_ERROR_CODES.pluginUnknown, `src/plugins/${plugin}/ does not exist: --plugin names a local plugin folder.`);
  }
  await mkdir(dir, { recursive: true });
  const numbers = (await readdir(dir)).map((file) => Number(/^(\d{4})-/.exec(file)?.[1] ?? 0));
  const number = String(Math.max(0, ...numbers) + 1).padStart(4, '0');
  const path = join(dir, `${number}-${name}.ts`);
  if (existsSync(path)) throw new CliError(CLI_ERROR_CODES.fileExists, `${path} exists already.`);
  const className = name.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
  await writeFile(
    path,
    `import { Migration } from '@baseline/core';\n\n/** ${name.replaceAll('-', ' ')}. Register it as { name: '${number}_${name.replaceAll('-', '_')}', class: ${className} }. */\nexport class ${className} extends Migration {\n  override up(): void {\n    this.addSql('');\n  }\n\n  override down(): void {\n    this.addSql('');\n  }\n}\n`,
  );
  return path;
}

/** Prints every migration of baseline and the plugins, executed or pending. */
export async function migrateStatus(appDir: string): Promise<void> {
  await withMigrationSets(appDir, undefined, async (db, sets) => {
    const rows: string[][] = [];
    for (const { owner, set } of sets) {
      const executed = await executedMigrations(db, set);
      for (const migration of executed) rows.push([owner, migration.name, `executed ${migration.executedAt.toISOString()}`]);
      for (const name of await pendingMigrations(db, set)) rows.push([owner, name, 'pending']);
    }
    process.stdout.write(`${rows.length === 0 ? 'No migrations.' : formatTable(['owner', 'migration', 'state'], rows)}\n`);
  });
}

/** Applies pending migrations: baseline's, then each plugin's (or one plugin's). */
export async function migrateUp(appDir: string, plugin: string | undefined): Promise<void> {
  await withMigrationSets(appDir, plugin, async (db, sets) => {
    for (const { owner, set } of sets) {
      const applied = await withSpinner(`Migrating ${owner}`, () => runMigrations(db, set));
      process.stdout.write(`${owner}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}\n`);
    }
  });
}

/** Reverts a plugin's (or baseline's) last migration, or every one after `to` (`'0'`: all). */
export async function migrateDown(appDir: string, plugin: string, to: string | undefined): Promise<void> {
  await withMigrationSets(appDir, plugin, async (db, sets) => {
    for (const { owner, set } of sets) {
      const options = to === undefined ? {} : { to: to === '0' ? (0 as const) : to };
      const reverted = await withSpinner(`Reverting ${owner}`, () => rollbackMigrations(db, set, options));
      process.stdout.write(`${owner}: ${reverted.length === 0 ? 'nothing to revert' : `reverted ${reverted.join(', ')}`}\n`);
    }
  });
}

/** Writes a migration file and says where. */
export async function migrateCreate(appDir: string, name: string, plugin: string | undefined): Promise<void> {
  const path = await createMigrationFile(appDir, name, plugin);
  process.stdout.write(`Wrote ${relative(process.cwd(), path)}. Add it at the end of the plugin's migrations list.\n`);
}
