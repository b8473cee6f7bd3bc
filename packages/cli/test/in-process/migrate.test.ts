import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installPluginPackage } from '../support/plugin-package.js';
import { copyFixtureApp } from '../support/run-cli.js';
import { runInProcess } from '../support/run-in-process.js';

// Each command loads the app module and connects afresh, as the binary does: seconds per command on a busy machine.
describe('baseline migrate, in this process', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let app: string;
  const migrate = (...args: string[]) => runInProcess(['--dir', app, 'migrate', ...args]);
  beforeAll(async () => {
    database = await createTestDatabase();
    app = copyFixtureApp();
  });
  beforeEach(() => {
    vi.stubEnv('DATABASE_URL', database.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.drop();
  });

  it('GIVEN a new database THEN status lists baseline and the plugin migration as pending', async () => {
    const result = await migrate('status');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^baseline +0001_initial_schema +pending$/m);
    expect(result.stdout).toMatch(/^fixture +0001_create_things +pending$/m);
  });

  it('GIVEN up THEN everything applies, a second up is up to date, and status shows them executed', async () => {
    expect((await migrate('up')).stdout).toContain('fixture: applied 0001_create_things');
    expect((await migrate('up')).stdout).toContain('fixture: up to date');
    expect((await migrate('status')).stdout).toMatch(/^fixture +0001_create_things +executed \d{4}-/m);
  });

  it('GIVEN down --plugin fixture --to 0 THEN all its migrations are reverted, and a second down has nothing to revert', async () => {
    expect((await migrate('down', '--plugin', 'fixture', '--to', '0')).stdout).toContain('fixture: reverted 0001_create_things');
    expect((await migrate('down', '--plugin', 'fixture')).stdout).toContain('fixture: nothing to revert');
    expect((await migrate('up', '--plugin', 'fixture')).stdout).toContain('fixture: applied 0001_create_things');
  });

  it('GIVEN an unknown plugin THEN it fails with BL_ERR_CLI_PLUGIN_UNKNOWN naming the loaded ones', async () => {
    const result = await migrate('up', '--plugin', 'nope');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_PLUGIN_UNKNOWN: no plugin "nope" with migrations is loaded \(loaded: baseline, fixture\)/);
  });

  it('GIVEN a plugin package whose migration is broken SQL THEN up fails with BL_ERR_CLI_MIGRATION_FAILED', async () => {
    const broken = copyFixtureApp();
    installPluginPackage(broken, { name: 'broken-plugin', id: 'broken', migrationSql: 'create tabel nope' });
    const result = await runInProcess(['--dir', broken, 'migrate', 'up', '--plugin', 'broken']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error BL_ERR_CLI_MIGRATION_FAILED: /m);
  });

  it('GIVEN create for a local plugin folder THEN numbered migration files are written, one after the other', async () => {
    mkdirSync(join(app, 'src', 'plugins', 'notes'), { recursive: true });
    expect((await migrate('create', 'add-colour', '--plugin', 'notes')).stdout).toMatch(/^Wrote .*0001-add-colour\.ts\. Add it at the end/m);
    await migrate('create', 'add-size', '--plugin', 'notes');
    const second = join(app, 'src', 'plugins', 'notes', 'migrations', '0002-add-size.ts');
    expect(readFileSync(second, 'utf8')).toMatch(/export class AddSize extends Migration/);
    expect(readFileSync(second, 'utf8')).toContain("{ name: '0002_add_size', class: AddSize }");
  });

  it('GIVEN a plugin package (a "baseline" manifest) THEN create writes to src/migrations without --plugin', async () => {
    const pkgPath = join(app, 'package.json');
    writeFileSync(pkgPath, JSON.stringify({ ...JSON.parse(readFileSync(pkgPath, 'utf8')), baseline: { entry: './dist/index.js', baselineVersion: '^0.1.0' } }));
    expect((await migrate('create', 'create-polls')).exitCode).toBe(0);
    expect(existsSync(join(app, 'src', 'migrations', '0001-create-polls.ts'))).toBe(true);
  });

  it.each([
    [['create', 'Bad_Name', '--plugin', 'fixture'], /BL_ERR_CLI_INVALID_ARGUMENT: "Bad_Name" is not a migration name/],
    [['create', 'add-things', '--plugin', 'nope'], /BL_ERR_CLI_PLUGIN_UNKNOWN: src\/plugins\/nope\/ does not exist/],
  ])('GIVEN %j THEN it fails with a coded message', async (args, message) => {
    const result = await migrate(...args);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('GIVEN a bot app without --plugin THEN create asks for one', async () => {
    const result = await runInProcess(['--dir', copyFixtureApp(), 'migrate', 'create', 'add-things']);
    expect(result.stderr).toMatch(/BL_ERR_CLI_INVALID_ARGUMENT: a bot app keeps migrations in its plugins: pass --plugin <id>/);
  });
});
