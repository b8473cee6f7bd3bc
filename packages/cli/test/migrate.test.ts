import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixtureApp, runCli } from './support/run-cli.js';

describe('baseline migrate', () => {
  let database: TestDatabase;
  let app: string;
  const cli = (...args: string[]) => runCli(['--dir', app, 'migrate', ...args], { env: { DATABASE_URL: database.url } });
  beforeAll(async () => {
    database = await createTestDatabase();
    app = copyFixtureApp();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('GIVEN a new database THEN status lists baseline and the plugin migration as pending', async () => {
    const result = await cli('status');
    expect(result.stderr).not.toMatch(/error/);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^owner +migration +state$/m);
    expect(result.stdout).toMatch(/^baseline +0001_initial_schema +pending$/m);
    expect(result.stdout).toMatch(/^fixture +0001_create_things +pending$/m);
  });

  it('GIVEN up THEN both apply AND status shows them executed', async () => {
    const up = await cli('up');
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toContain('baseline: applied 0001_initial_schema');
    expect(up.stdout).toContain('fixture: applied 0001_create_things');
    const status = await cli('status');
    expect(status.stdout).toMatch(/^fixture +0001_create_things +executed \d{4}-/m);
  });

  it('GIVEN down --plugin fixture THEN its migration is reverted, and up --plugin fixture applies it again', async () => {
    const down = await cli('down', '--plugin', 'fixture');
    expect(down.exitCode).toBe(0);
    expect(down.stdout).toContain('fixture: reverted 0001_create_things');
    const up = await cli('up', '--plugin', 'fixture');
    expect(up.stdout).toContain('fixture: applied 0001_create_things');
  });

  it('GIVEN an unknown plugin THEN up exits 1 with BL_ERR_CLI_PLUGIN_UNKNOWN naming the loaded ones', async () => {
    const result = await cli('up', '--plugin', 'nope');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_PLUGIN_UNKNOWN: no plugin "nope" with migrations is loaded \(loaded: baseline, fixture\)/);
  });

  it('GIVEN down without --plugin THEN commander refuses before anything runs', async () => {
    const result = await cli('down');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/required option '--plugin <id>' not specified/);
  });

  it('GIVEN create --plugin for a local plugin folder THEN a numbered migration file is written', async () => {
    const result = await runCli(['--dir', app, 'migrate', 'create', 'add-colour', '--plugin', 'fixture-local'], { cwd: app });
    expect(result.exitCode).toBe(1);
    const folder = join(app, 'src', 'plugins', 'fixture-local');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    const created = await runCli(['--dir', app, 'migrate', 'create', 'add-colour', '--plugin', 'fixture-local'], { cwd: app });
    expect(created.exitCode).toBe(0);
    const path = join(folder, 'migrations', '0001-add-colour.ts');
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(/export class AddColour extends Migration/);
  });
});
