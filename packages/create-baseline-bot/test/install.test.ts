import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installDependencies } from '../src/install.js';
import { emptyDir } from './support/run-create.js';

describe('installDependencies', () => {
  it('GIVEN a project npm can install THEN it installs and writes the lockfile', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'nothing-to-install', version: '0.1.0' }));
    await installDependencies(dir, 'npm');
    expect(existsSync(join(dir, 'package-lock.json'))).toBe(true);
  });

  it('GIVEN a package.json npm cannot read THEN it fails with BL_ERR_CREATE_CHILD_FAILED naming the command', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'package.json'), '{ "name": ');
    await expect(installDependencies(dir, 'npm')).rejects.toMatchObject({
      code: 'BL_ERR_CREATE_CHILD_FAILED',
      message: expect.stringContaining('`npm install` failed in'),
    });
  });
});
