import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `@baseline/core` as an installed plugin imports it: its build. (By name, the test run's `@baseline/source`
 * condition would send Node's own loader to core's TypeScript sources, which it cannot run.)
 */
const CORE = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'core', 'dist', 'index.js')).href;

/** A plugin package as an npm install leaves it, written by hand so tests need no registry. */
export interface PluginPackageSpec {
  /** Its npm name, also its folder. */
  name: string;
  /** The plugin id. */
  id: string;
  /** The manifest's range. @default '^0.1.0' */
  baselineVersion?: string;
  /** SQL of its one migration, `0001_create`; none when absent. */
  migrationSql?: string;
  /** The body of its `deleteUserData` hook (JavaScript); no hook when absent. */
  deleteUserData?: string;
  /** More fields of the definition, as JavaScript, e.g. `intents: ['MessageContent']`. */
  definition?: string;
}

/**
 * Writes the package to `<dir>/<name>/` (a plain JavaScript module on `@baseline/core`'s `definePlugin`) and returns
 * that folder.
 */
export function writePluginPackage(dir: string, spec: PluginPackageSpec): string {
  const folder = join(dir, spec.name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: spec.name,
      version: '1.2.3',
      type: 'module',
      main: 'index.js',
      baseline: { entry: './index.js', baselineVersion: spec.baselineVersion ?? '^0.1.0' },
    }),
  );
  const migration =
    spec.migrationSql === undefined
      ? ''
      : `class Create extends Migration {\n  up() { this.addSql(${JSON.stringify(spec.migrationSql)}); }\n  down() { this.addSql('select 1'); }\n}\n`;
  writeFileSync(
    join(folder, 'index.js'),
    `import { definePlugin, Migration } from '${CORE}';\n${migration}export default definePlugin({\n  id: ${JSON.stringify(spec.id)},\n  name: ${JSON.stringify(spec.id)},\n  version: '1.2.3',\n` +
      (spec.migrationSql === undefined ? '' : `  migrations: [{ name: '0001_create', class: Create }],\n`) +
      (spec.deleteUserData === undefined ? '' : `  deleteUserData: async (userId) => { ${spec.deleteUserData} },\n`) +
      (spec.definition === undefined ? '' : `  ${spec.definition},\n`) +
      `});\n`,
  );
  return folder;
}

/** Installs a written package into the app's node_modules and lists it in its package.json, as `npm install` would. */
export function installPluginPackage(appDir: string, spec: PluginPackageSpec): void {
  writePluginPackage(join(appDir, 'node_modules'), spec);
  const path = join(appDir, 'package.json');
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string> };
  pkg.dependencies = { ...pkg.dependencies, [spec.name]: '1.2.3' };
  writeFileSync(path, JSON.stringify(pkg, null, 2));
}
