import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installPluginPackage, writePluginPackage } from '../support/plugin-package.js';
import { copyFixtureApp } from '../support/run-cli.js';
import { runInProcess } from '../support/run-in-process.js';

describe('baseline plugins list and add, in this process', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(() => {
    vi.stubEnv('DATABASE_URL', database.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.drop();
  });

  it('GIVEN an installed plugin and one for another baseline THEN list shows the first and reports the second as skipped', async () => {
    const app = copyFixtureApp();
    installPluginPackage(app, { name: 'polls-plugin', id: 'polls' });
    installPluginPackage(app, { name: 'future-plugin', id: 'future', baselineVersion: '^99.0.0' });
    const result = await runInProcess(['--dir', app, 'plugins', 'list']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^polls +polls-plugin +1\.2\.3 +\^0\.1\.0 +- +-$/m);
    expect(result.stdout).toMatch(/^skipped future-plugin: BL_ERR_PLUGIN_\w+ /m);
  });

  it('GIVEN a package.json without plugins and no app module THEN list says there are none', async () => {
    const app = copyFixtureApp();
    rmSync(join(app, 'src'), { recursive: true });
    const result = await runInProcess(['--dir', app, 'plugins', 'list']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('No plugins.\n');
  });

  it.each([
    ['export default { plugins: [] };\n', /BL_ERR_CLI_APP_MODULE_INVALID: .*src\/app\.ts must default-export defineApp/],
    ["throw new Error('broken app');\n", /BL_ERR_CLI_APP_MODULE_INVALID: .*src\/app\.ts failed to load: broken app/],
  ])('GIVEN src/app.ts %j THEN list fails with a coded message', async (source, message) => {
    const app = copyFixtureApp();
    writeFileSync(join(app, 'src', 'app.ts'), source);
    const result = await runInProcess(['--dir', app, 'plugins', 'list']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('GIVEN a plugin package with a migration WHEN add installs it THEN its migration runs and the plugin is named', async () => {
    const app = copyFixtureApp();
    writePluginPackage(app, { name: 'notes-plugin', id: 'notes', migrationSql: 'create table "notes_in_process" ("id" serial primary key)' });
    const result = await runInProcess(['--dir', app, 'add', 'file:./notes-plugin']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('added plugin notes (notes-plugin 1.2.3, supports baseline ^0.1.0)');
    expect(result.stdout).toContain('migrations: applied 0001_create');
  });

  it('GIVEN a plugin package for another baseline WHEN add installs it THEN it fails with BL_ERR_CLI_PLUGIN_INCOMPATIBLE naming the reason', async () => {
    const app = copyFixtureApp();
    writePluginPackage(app, { name: 'future-plugin', id: 'future', baselineVersion: '^99.0.0' });
    const result = await runInProcess(['--dir', app, 'add', 'file:./future-plugin']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /BL_ERR_CLI_PLUGIN_INCOMPATIBLE: future-plugin was installed but this bot cannot load it \(BL_ERR_PLUGIN_\w+: .*npm uninstall future-plugin/s,
    );
  });

  it('GIVEN a spec npm cannot install THEN add fails with BL_ERR_CLI_CHILD_FAILED and the end of its output', async () => {
    const app = copyFixtureApp();
    const result = await runInProcess(['--dir', app, 'add', `file:${mkdtempSync(join(app, 'empty-'))}`]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_CHILD_FAILED: `npm install file:.*` failed \(exit \d+\)/);
  });
});
