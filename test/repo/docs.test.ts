// The documentation a user reads first must name what the code accepts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV_VARIABLES } from '@baseline/core';
import { demoSeed } from '../../examples/bot/src/demo-seed.js';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('docs', () => {
  it('GIVEN docs/configuration.md THEN it has a row for every environment variable the config accepts', () => {
    const doc = read('docs/configuration.md');
    const missing = Object.keys(ENV_VARIABLES).filter((name) => !doc.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });

  it('GIVEN the README THEN it gives the two quick-start commands', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });

  it('GIVEN the testing README THEN its description of the npm run demo seed matches the seed the demo uses (regression: it described the CLI seed)', () => {
    const readme = read('packages/testing/README.md');
    const numbers = ['zero', 'one', 'two', 'three', 'four', 'five'];
    const [guild] = demoSeed.guilds;
    expect(readme).toContain(`seeds its own emulator (\`examples/bot/src/demo-seed.ts\`) with ${numbers[demoSeed.guilds.length]} guild, "${guild!.name}"`);
    expect(readme).toContain(
      `${numbers[demoSeed.users.length]} users: ${demoSeed.users
        .map((user) => user.username)
        .join(', ')
        .replace(/, (\w+)$/, ' and $1')
        .replace('alice', 'alice (Mod)')}`,
    );
  });
});
