// The package README's discord.js example is what a newcomer copies first: it runs here as written, as a plain
// script in its own process, and prints what its comments promise.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const tsx = join(packageDir, '..', '..', 'node_modules', '.bin', 'tsx');

function firstExample(): string {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A discord.js bot against the emulator'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('README.md has no ```ts example under "A discord.js bot against the emulator"');
  return match[1];
}

describe('README example', () => {
  // Inside the package, so `@baseline/testing` and `discord.js` resolve as they would in a user's project.
  const dir = mkdtempSync(join(packageDir, 'test', 'readme', '.run-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN the discord.js example from the README THEN it connects, lists its guild and answers /ping as commented', async () => {
    const script = join(dir, 'example.ts');
    writeFileSync(script, firstExample());
    const { stdout } = await run(tsx, ['--conditions=@baseline/source', script], { cwd: packageDir, timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    expect(lines).toEqual(["[ 'Demo' ]", 'pong, alice false']);
  });
});
