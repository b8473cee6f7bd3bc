import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtureApp, runCli } from './support/run-cli.js';

const empty = mkdtempSync(join(tmpdir(), 'baseline-cli-empty-'));

describe('baseline error paths', () => {
  it.each([
    ['dev'],
    ['start'],
    ['migrate', 'status'],
    ['migrate', 'up'],
    ['commands', 'plan'],
    ['commands', 'sync'],
    ['plugins', 'list'],
    ['plugins', 'doctor'],
    ['add', 'left-pad'],
    ['upgrade'],
  ])('GIVEN a folder without package.json WHEN %s runs THEN it exits 1 with BL_ERR_CLI_NOT_AN_APP', async (...command) => {
    const result = await runCli(['--dir', empty, ...command]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error BL_ERR_CLI_NOT_AN_APP: .*package\.json does not exist: run baseline inside a bot repository/m);
  });

  it('GIVEN sources but no build WHEN start runs THEN it asks for npm run build', async () => {
    const result = await runCli(['--dir', copyFixtureApp(), 'start']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_APP_MODULE_INVALID: .*dist\/app\.js does not exist: run `npm run build` first/);
  });

  it('GIVEN src/app.ts without defineApp WHEN plugins list runs THEN it names the expected export', async () => {
    const app = copyFixtureApp();
    writeFileSync(join(app, 'src', 'app.ts'), 'export default { plugins: [] };\n');
    const result = await runCli(['--dir', app, 'plugins', 'list']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_APP_MODULE_INVALID: .*src\/app\.ts must default-export defineApp/);
  });

  it('GIVEN src/app.ts that throws WHEN plugins list runs THEN the error says the module failed to load', async () => {
    const app = copyFixtureApp();
    writeFileSync(join(app, 'src', 'app.ts'), "throw new Error('broken app');\n");
    const result = await runCli(['--dir', app, 'plugins', 'list']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_APP_MODULE_INVALID: .*src\/app\.ts failed to load: broken app/);
  });

  it.each([
    [['migrate', 'create', 'Bad_Name', '--plugin', 'fixture'], /BL_ERR_CLI_INVALID_ARGUMENT: "Bad_Name" is not a migration name/],
    [['migrate', 'create', 'add-things'], /BL_ERR_CLI_INVALID_ARGUMENT: a bot app keeps migrations in its plugins: pass --plugin <id>/],
    [['migrate', 'create', 'add-things', '--plugin', 'nope'], /BL_ERR_CLI_PLUGIN_UNKNOWN: src\/plugins\/nope\/ does not exist/],
    [['emulator', '--port', 'abc'], /BL_ERR_CLI_INVALID_ARGUMENT: --port must be a port from 0 to 65535, got "abc"/],
    [['upgrade', 'soon'], /BL_ERR_CLI_INVALID_ARGUMENT: "soon" is not a version/],
    [['upgrade'], /BL_ERR_CLI_NOT_AN_APP: .*lists no @baseline\/\* package: nothing to upgrade/],
  ])('GIVEN %j THEN it exits 1 with a coded message', async (args, message) => {
    const result = await runCli(['--dir', copyFixtureApp(), ...args]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('GIVEN a package that is not a plugin WHEN add installs it THEN it exits 1 with BL_ERR_CLI_PLUGIN_INCOMPATIBLE and how to remove it', async () => {
    const app = copyFixtureApp();
    const library = join(app, 'not-a-plugin');
    mkdirSync(library);
    writeFileSync(join(library, 'package.json'), JSON.stringify({ name: 'not-a-plugin', version: '1.0.0', type: 'module', main: 'index.js' }));
    writeFileSync(join(library, 'index.js'), 'export default 1;\n');
    const result = await runCli(['--dir', app, 'add', 'file:./not-a-plugin'], { cwd: app });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /BL_ERR_CLI_PLUGIN_INCOMPATIBLE: not-a-plugin was installed but this bot cannot load it \(its package.json has no "baseline" manifest.*npm uninstall not-a-plugin/s,
    );
  });
});
