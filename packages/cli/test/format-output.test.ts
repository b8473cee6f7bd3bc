import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandSyncPlan } from '@baseline/bot';
import { describe, expect, it } from 'vitest';
import { packageNameOf } from '../src/actions/add.js';
import { formatPlans } from '../src/actions/commands.js';
import { detectPackageManager } from '../src/support/package-manager.js';
import { reportFailure } from '../src/support/report-failure.js';
import { copyFixtureApp } from './support/run-cli.js';

describe('formatPlans', () => {
  it('GIVEN no plans THEN it says there are no commands', () => {
    expect(formatPlans([])).toBe('No commands.');
  });

  it('GIVEN every kind of change THEN one row each, menus named by their type', () => {
    const table = formatPlans([
      {
        guildId: '42',
        create: [
          { name: 'poll', description: 'x' },
          { name: 'Report', type: 3 },
        ],
        update: [{ id: '1', body: { name: 'Profile', type: 2 } }],
        delete: [{ id: '2', name: 'old', type: 1 }],
        unchanged: ['ping'],
      },
      // Bodies hold only the fields formatPlans reads; Discord's body types want the rest.
    ] as unknown as CommandSyncPlan[]);
    expect(table.split('\n')).toEqual([
      'scope     change     command',
      'guild 42  create     /poll',
      'guild 42  create     Report (message menu)',
      'guild 42  update     Profile (user menu)',
      'guild 42  delete     /old',
      'guild 42  unchanged  /ping',
    ]);
  });
});

describe('reportFailure', () => {
  it('GIVEN something thrown that is not an Error THEN it is an unexpected failure with its text', () => {
    let text = '';
    reportFailure('plain string', (line) => (text += line));
    expect(text).toMatch(/BL_ERR_CLI_UNEXPECTED.*: plain string\n$/);
  });

  it('GIVEN an Error without a code THEN its stack is printed', () => {
    let text = '';
    reportFailure(new Error('boom'), (line) => (text += line));
    expect(text).toMatch(/BL_ERR_CLI_UNEXPECTED.*: Error: boom\n {4}at /);
  });
});

describe('add helpers', () => {
  it('GIVEN specs THEN the package name drops the version, keeping the scope', () => {
    expect(packageNameOf('@acme/polls@^1')).toBe('@acme/polls');
    expect(packageNameOf('left-pad@1.3.0')).toBe('left-pad');
    expect(packageNameOf('left-pad')).toBe('left-pad');
  });

  it('GIVEN a pnpm lockfile THEN pnpm is the package manager, else npm', () => {
    const app = copyFixtureApp();
    expect(detectPackageManager(app)).toBe('npm');
    writeFileSync(join(app, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    expect(detectPackageManager(app)).toBe('pnpm');
  });
});
