// The root npm scripts and the test setup must work in a fresh clone, before anything is built.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** The arguments the shell hands to the script's runner, as npm runs the script (`sh -c`) from the root. */
function shellArguments(script: string): string[] {
  const printer = `${JSON.stringify(process.execPath)} -e "console.log(JSON.stringify(process.argv.slice(1)))"`;
  const output = execFileSync('sh', ['-c', script.replace('node scripts/run.mjs', printer)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output) as string[];
}

describe('root scripts', () => {
  it('GIVEN `npm run build` THEN pnpm receives the "./packages/**" filter unexpanded by the shell (regression: "None of the selected packages has a ./packages/bot script")', () => {
    const args = shellArguments(scripts['build']!);
    expect(args).toEqual(['pnpm', '-r', '--filter', './packages/**', 'build']);
  });

  it('GIVEN the Vitest global setup THEN it imports no @baseline package, so `npm test -- <folder>` runs before any build (regression: "Failed to resolve entry for package @baseline/core")', () => {
    const imports = ['test/global-setup.ts', 'test/services.ts'].flatMap((file) => [...read(file).matchAll(/from '([^']+)'/g)].map((match) => match[1]!));
    expect(imports.filter((specifier) => specifier.startsWith('@baseline/'))).toEqual([]);
  });
});
