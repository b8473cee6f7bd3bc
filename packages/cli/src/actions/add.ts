import { pluginMigrationsTable, runMigrations } from '@baseline/core';
import type { Command } from 'commander';
import pc from 'picocolors';
import { appPlugins, loadAppForCommand } from '../app/app-plugins.js';
import { openAppDatabase } from '../app/open-app-database.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { addDependency, detectPackageManager } from '../support/package-manager.js';
import { readAppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';
import { appDirOf } from './app-dir.js';

/** `baseline add <package>`: install a plugin, check it fits this bot, run its migrations. */
export function registerAdd(program: Command): void {
  program
    .command('add')
    .description('install a plugin package, check its manifest and baseline range against this bot, and run its migrations')
    .argument('<package>', 'npm package spec, e.g. @acme/polls or @acme/polls@^1.2.0')
    .addHelpText('after', '\nExample:\n  $ baseline add @acme/baseline-polls')
    .action(async (spec: string, _options: object, command: Command) => {
      await add(appDirOf(command), spec);
    });
}

/** The package name of a spec: `@acme/polls@^1` → `@acme/polls`. */
export function packageNameOf(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at === -1 ? spec : spec.slice(0, at);
}

async function add(appDir: string, spec: string): Promise<void> {
  readAppPackage(appDir);
  const name = packageNameOf(spec);
  await withSpinner(`Installing ${spec}`, () => addDependency(appDir, spec));
  const app = await loadAppForCommand(appDir);
  const database = await withSpinner('Connecting to the database', () => openAppDatabase(appDir));
  try {
    const result = await appPlugins(appDir, app, database.logger);
    const failure = result.failures.find((entry) => entry.packageName === name);
    const loaded = result.plugins.find((entry) => entry.packageName === name);
    if (failure !== undefined || loaded === undefined) {
      const why = failure === undefined ? 'its package.json has no "baseline" manifest, so it is not a baseline plugin' : `${failure.error.code}: ${failure.error.message}`;
      const remove = detectPackageManager(appDir) === 'pnpm' ? `pnpm remove ${name}` : `npm uninstall ${name}`;
      throw new CliError(CLI_ERROR_CODES.pluginIncompatible, `${name} was installed but this bot cannot load it (${why}). Remove it with \`${remove}\`.`);
    }
    const migrations = [...(loaded.plugin.migrations ?? [])];
    const applied = migrations.length === 0 ? [] : await withSpinner(`Running ${loaded.id}'s migrations`, () => runMigrations(database.db, { tableName: pluginMigrationsTable(loaded.id), migrations: migrations as never }));
    process.stdout.write(
      `${pc.green('✔')} added plugin ${pc.bold(loaded.id)} (${name} ${loaded.plugin.version}, supports baseline ${loaded.manifest?.baselineVersion})\n` +
        `  migrations: ${applied.length === 0 ? 'none pending' : applied.join(', ')}\n` +
        `  It loads on the next start of the bot (baseline dev / npm start).\n`,
    );
  } finally {
    await database.close();
  }
}
