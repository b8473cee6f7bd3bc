import { createLogger, runMigrations } from '@baseline/core';
import pc from 'picocolors';
import { appPlugins, loadAppForCommand } from '../app/app-plugins.js';
import { openAppDatabase } from '../app/open-app-database.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { addDependency, detectPackageManager } from '../support/package-manager.js';
import { readAppPackage, type AppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';

/** `baseline add <package>`: install a plugin, check it fits this bot, run its migrations. */
/** The package name of a spec: `@acme/polls@^1` → `@acme/polls`. */
export function packageNameOf(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at === -1 ? spec : spec.slice(0, at);
}

export async function add(appDir: string, spec: string): Promise<void> {
  const before = dependencyNames(readAppPackage(appDir));
  await withSpinner(`Installing ${spec}`, () => addDependency(appDir, spec));
  // A spec may be a path or a URL: the name is the dependency the install added (or the spec's name).
  const name = dependencyNames(readAppPackage(appDir)).find((candidate) => !before.includes(candidate)) ?? packageNameOf(spec);
  const app = await loadAppForCommand(appDir);
  const result = await appPlugins(appDir, app, createLogger({ service: 'cli', level: 'silent' }));
  const failure = result.failures.find((entry) => entry.packageName === name);
  const loaded = result.plugins.find((entry) => entry.packageName === name);
  if (failure !== undefined || loaded === undefined) {
    const why =
      failure === undefined ? 'its package.json has no "baseline" manifest, so it is not a baseline plugin' : `${failure.error.code}: ${failure.error.message}`;
    const remove = detectPackageManager(appDir) === 'pnpm' ? `pnpm remove ${name}` : `npm uninstall ${name}`;
    throw new CliError(CLI_ERROR_CODES.pluginIncompatible, `${name} was installed but this bot cannot load it (${why}). Remove it with \`${remove}\`.`);
  }
  const migrations = [...(loaded.plugin.migrations ?? [])];
  let applied: string[] = [];
  if (migrations.length > 0) {
    const database = await withSpinner('Connecting to the database', () => openAppDatabase(appDir));
    try {
      applied = await withSpinner(`Running ${loaded.id}'s migrations`, () => runMigrations(database.db, { tableName: loaded.migrationsTable, migrations }));
    } finally {
      await database.close();
    }
  }
  process.stdout.write(
    `${pc.green('✔')} added plugin ${pc.bold(loaded.id)} (${name} ${loaded.plugin.version}, supports baseline ${loaded.manifest?.baselineVersion})\n` +
      `  migrations: ${applied.length === 0 ? 'none pending' : `applied ${applied.join(', ')}`}\n` +
      `  It loads on the next start of the bot (baseline dev / npm start).\n`,
  );
}

function dependencyNames(pkg: AppPackage): string[] {
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
}
