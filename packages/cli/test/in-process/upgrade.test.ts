import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { execa } from 'execa';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRegistry, type Registry } from '../../../../test/registry/verdaccio.js';
import { copyFixtureApp } from '../support/run-cli.js';
import { runInProcess } from '../support/run-in-process.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEMO = '@baseline/demo-extra';

/** Publishes a tiny `@baseline/demo-extra` at `version` to the registry, its CHANGELOG.md as changesets writes it. */
async function publishDemo(registry: Registry, version: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-demo-extra-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: DEMO, version, type: 'module', main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), 'export {};\n');
  writeFileSync(join(dir, 'CHANGELOG.md'), `# ${DEMO}\n\n## 0.2.0\n\n- Bigger.\n\n## 0.1.1\n\n- Fixes the demo.\n\n## 0.1.0\n\n- First.\n`);
  const published = await execa('npm', ['publish', '--access', 'public'], { cwd: dir, env: registry.npmEnv(), extendEnv: false, reject: false, all: true });
  if (published.exitCode !== 0) throw new Error(`npm publish failed:\n${published.all}`);
}

// `baseline upgrade` against a real registry (Verdaccio) serving a small @baseline/* package; the migrations after
// the install are read by the `baseline` binary, found in node_modules/.bin as in an installed app.
describe('baseline upgrade, in this process', { timeout: 240_000 }, () => {
  let registry: Registry;
  let database: TestDatabase;
  let app: string;
  beforeAll(async () => {
    [registry, database] = await Promise.all([startRegistry(), createTestDatabase()]);
    for (const version of ['0.1.0', '0.1.1', '0.2.0']) await publishDemo(registry, version);
    const bin = join(packageDir, 'test', 'node_modules', '.bin', 'baseline');
    if (!existsSync(bin)) {
      mkdirSync(dirname(bin), { recursive: true });
      symlinkSync(join(packageDir, 'bin', 'baseline.js'), bin);
    }
    app = copyFixtureApp();
    const pkgPath = join(app, 'package.json');
    writeFileSync(pkgPath, JSON.stringify({ ...JSON.parse(readFileSync(pkgPath, 'utf8')), dependencies: { [DEMO]: '^0.1.0' } }, null, 2));
  }, 240_000);
  beforeEach(() => {
    const npm = registry.npmEnv();
    for (const name of ['npm_config_registry', 'npm_config_userconfig', 'npm_config_cache']) vi.stubEnv(name, npm[name]!);
    vi.stubEnv('DATABASE_URL', database.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await registry?.close();
    await database?.drop();
  });

  it('GIVEN a newer version in range THEN upgrade installs it, prints its changelog, and leaves the migrations pending without a terminal', async () => {
    const result = await runInProcess(['--dir', app, 'upgrade']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${DEMO} 0.1.0 → 0.1.1`);
    expect(result.stdout).toContain('## 0.1.1\n- Fixes the demo.');
    expect(result.stdout).toMatch(/Pending migrations\n(?: {2}.*pending\n)+/);
    expect(result.stdout).toContain('Not applied: run `baseline migrate up`');
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).dependencies).toEqual({ [DEMO]: '^0.1.1' });
  });

  it('GIVEN latest --yes THEN it moves out of the range and applies the pending migrations', async () => {
    const result = await runInProcess(['--dir', app, 'upgrade', 'latest', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`${DEMO} 0.1.1 → 0.2.0`);
    expect(result.stdout).toContain('fixture: applied 0001_create_things');
  });

  it('GIVEN nothing newer THEN upgrade says @baseline/* are up to date', async () => {
    const result = await runInProcess(['--dir', app, 'upgrade', '0.1.1']);
    expect(result.stdout).toContain('@baseline/* are up to date.');
  });

  it('GIVEN a @baseline/* package the registry does not have THEN upgrade fails with BL_ERR_CLI_REGISTRY_FAILED', async () => {
    const missing = copyFixtureApp();
    writeFileSync(join(missing, 'package.json'), JSON.stringify({ name: 'missing-app', dependencies: { '@baseline/not-published': '^0.1.0' } }));
    const result = await runInProcess(['--dir', missing, 'upgrade']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_REGISTRY_FAILED: the registry did not list the versions of @baseline\/not-published/);
  });
});
