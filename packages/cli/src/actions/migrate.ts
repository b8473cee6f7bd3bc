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
import type { Command } from 'commander';
import { appPlugins, loadAppForCommand } from '../app/app-plugins.js';
import { openAppDatabase } from '../app/open-app-database.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { formatTable } from '../support/format-table.js';
import { readAppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';
import { appDirOf } from './app-dir.js';

/** A migration list with the name people use for it: `baseline` or a plugin id. */
interface NamedSet {
  readonly owner: string;
  readonly set: MigrationSet;
}

/** `baseline migrate status|up|down|create`. */
export function registerMigrate(program: Command): void {
  const migrate = program.command('migrate').description("baseline's and every plugin's database migrations, each plugin in its own table").addHelpText('after', '\nExamples:\n  $ baseline migrate status\n  $ baseline migrate up');
  migrate
    .command('status')
    .description('list executed and pending migrations')
    .addHelpText('after', '\nExample:\n  $ baseline migrate status')
    .action(async (_options: object, command: Command) => {
      await withMigrationSets(appDirOf(command), undefined, async (db, sets) => {
        const rows: string[][] = [];
        for (const { owner, set } of sets) {
          const executed = await executedMigrations(db, set);
          for (const migration of executed) rows.push([owner, migration.name, `executed ${migration.executedAt.toISOString()}`]);
          for (const name of await pendingMigrations(db, set)) rows.push([owner, name, 'pending']);
        }
        process.stdout.write(`${rows.length === 0 ? 'No migrations.' : formatTable(['owner', 'migration', 'state'], rows)}\n`);
      });
    });
  migrate
    .command('up')
    .description('apply pending migrations (baseline first, then plugins in load order)')
    .option('--plugin <id>', 'only this plugin')
    .addHelpText('after', '\nExamples:\n  $ baseline migrate up\n  $ baseline migrate up --plugin notes')
    .action(async (options: { plugin?: string }, command: Command) => {
      await withMigrationSets(appDirOf(command), options.plugin, async (db, sets) => {
        for (const { owner, set } of sets) {
          const applied = await withSpinner(`Migrating ${owner}`, () => runMigrations(db, set));
          process.stdout.write(`${owner}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}\n`);
        }
      });
    });
  migrate
    .command('down')
    .description("revert a plugin's last migration, or with --to every one after a name (0 for all)")
    .requiredOption('--plugin <id>', 'the plugin (or "baseline")')
    .option('--to <name>', 'revert the migrations executed after this one; 0 reverts all')
    .addHelpText('after', '\nExamples:\n  $ baseline migrate down --plugin notes\n  $ baseline migrate down --plugin notes --to 0')
    .action(async (options: { plugin: string; to?: string }, command: Command) => {
      await withMigrationSets(appDirOf(command), options.plugin, async (db, sets) => {
        for (const { owner, set } of sets) {
          const to = options.to === undefined ? {} : { to: options.to === '0' ? (0 as const) : options.to };
          const reverted = await withSpinner(`Reverting ${owner}`, () => rollbackMigrations(db, set, to));
          process.stdout.write(`${owner}: ${reverted.length === 0 ? 'nothing to revert' : `reverted ${reverted.join(', ')}`}\n`);
        }
      });
    });
  migrate
    .command('create')
    .description('write a new migration file (in a plugin package, or in a local plugin with --plugin)')
    .argument('<name>', 'what it does, in kebab case, e.g. add-notes-pinned')
    .option('--plugin <id>', 'the local plugin under src/plugins/<id>/ that owns it')
    .addHelpText('after', '\nExamples:\n  $ baseline migrate create add-notes-pinned\n  $ baseline migrate create create-polls --plugin polls')
    .action(async (name: string, options: { plugin?: string }, command: Command) => {
      const path = await createMigrationFile(appDirOf(command), name, options.plugin);
      process.stdout.write(`Wrote ${relative(process.cwd(), path)}. Add it at the end of the plugin's migrations list.\n`);
    });
}

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
        throw new CliError(CLI_ERROR_CODES.pluginUnknown, `no plugin "${only}" with migrations is loaded (loaded: ${known}); check the id with \`baseline plugins list\`.`);
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
  return { owner: loaded.id, set: { tableName: loaded.migrationsTable, migrations: [...(loaded.plugin.migrations ?? [])] as never } };
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
