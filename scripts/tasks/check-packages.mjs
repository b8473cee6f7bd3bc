// `npm run check:packages`: build the publishable packages, then check what a registry would receive: each
// package.json's exports and files (test/repo/packaging.test.ts) and each packed tarball through publint and
// @arethetypeswrong/cli (test/repo/packed-packages.test.ts). The same files run inside `npm test`.
import { install, run } from './install.mjs';

const steps = [
  ['build', ['-r', '--filter', './packages/**', '--reporter-hide-prefix', 'build']],
  ['check', ['exec', 'vitest', 'run', '--project', 'repo', 'test/repo/packaging.test.ts', 'test/repo/packed-packages.test.ts']],
];

install();
for (const [name, args] of steps) {
  const status = run('pnpm', args);
  if (status !== 0) {
    console.error(`[baseline] check:packages: ${name} failed (exit ${status})`);
    process.exit(status);
  }
}
