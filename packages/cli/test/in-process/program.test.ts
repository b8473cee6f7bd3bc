import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

const empty = mkdtempSync(join(tmpdir(), 'baseline-cli-empty-'));

describe('the baseline program, in this process', () => {
  it.each([
    [[]],
    [['dev']],
    [['start']],
    [['migrate', 'down']],
    [['commands', 'sync']],
    [['plugins', 'doctor']],
    [['privacy', 'erase']],
    [['add']],
    [['upgrade']],
    [['emulator']],
  ])('GIVEN %j --help THEN it prints the help with an example and exits 0', async (command) => {
    const result = await runInProcess([...command, '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Examples?:\n {2}\$ (npm run build && )?baseline /);
  });

  it('GIVEN an unknown command THEN commander refuses with exit 1 and shows the help', async () => {
    const result = await runInProcess(['deploy']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/unknown command 'deploy'/);
  });

  it.each([
    [['dev']],
    [['start']],
    [['migrate', 'status']],
    [['migrate', 'up']],
    [['migrate', 'down', '--plugin', 'baseline']],
    [['migrate', 'create', 'add-things']],
    [['commands', 'plan']],
    [['commands', 'sync', '--guild', '1']],
    [['plugins', 'list']],
    [['plugins', 'doctor']],
    [['privacy', 'erase', '123456789012345678']],
    [['add', 'left-pad']],
    [['upgrade']],
  ])('GIVEN a folder without package.json WHEN %j runs THEN it fails with BL_ERR_CLI_NOT_AN_APP', async (command) => {
    const result = await runInProcess(['--dir', empty, ...command]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error BL_ERR_CLI_NOT_AN_APP: .*package\.json does not exist: run baseline inside a bot repository/m);
  });

  it('GIVEN a package.json that is not JSON THEN the error says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-cli-broken-'));
    writeFileSync(join(dir, 'package.json'), '{ "name": ');
    const result = await runInProcess(['--dir', dir, 'plugins', 'list']);
    expect(result.stderr).toMatch(/BL_ERR_CLI_NOT_AN_APP: .*package\.json is not valid JSON/);
  });

  it.each([
    [['emulator', '--port', 'abc'], /BL_ERR_CLI_INVALID_ARGUMENT: --port must be a port from 0 to 65535, got "abc"/],
    [['emulator', '--page-port', '70000'], /BL_ERR_CLI_INVALID_ARGUMENT: --page-port must be a port from 0 to 65535, got "70000"/],
    [['upgrade', 'soon'], /BL_ERR_CLI_INVALID_ARGUMENT: "soon" is not a version/],
    [['privacy', 'erase', 'alice'], /BL_ERR_CLI_INVALID_ARGUMENT: "alice" is not a Discord user id/],
  ])('GIVEN %j THEN it fails with a coded message before starting anything', async (args, message) => {
    const result = await runInProcess(args);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
