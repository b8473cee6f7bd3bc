// `npm test`: install, build every package (the build is part of what is tested), typecheck, lint, then the
// whole Vitest suite. Test services (PostgreSQL, Redis) are found or started by test/global-setup.ts.
// Extra arguments go to Vitest only, and skip the build, typecheck and lint steps:
// `npm test -- packages/core` runs one folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../toolchain.mjs';
import { install, run } from './install.mjs';

const vitestArgs = process.argv.slice(2);
const started = Date.now();
const timings = [];

function step(name, command, args) {
  const at = Date.now();
  const status = run(command, args);
  timings.push(`${name} ${((Date.now() - at) / 1000).toFixed(1)} s`);
  if (status !== 0) {
    console.error(`[baseline] ${name} failed (exit ${status})`);
    process.exit(status);
  }
}

const at = Date.now();
install();
timings.push(`install ${((Date.now() - at) / 1000).toFixed(1)} s`);
if (existsSync(join(root, 'scripts', 'ensure-chromium.mjs'))) step('chromium', 'node', [join(root, 'scripts', 'ensure-chromium.mjs')]);
if (vitestArgs.length === 0) {
  step('build', 'pnpm', ['-r', '--filter', './packages/**', '--reporter-hide-prefix', 'build']);
  step('typecheck', 'pnpm', ['-r', '--reporter-hide-prefix', 'typecheck']);
  step('lint', 'pnpm', ['exec', 'eslint', '.']);
}
const testAt = Date.now();
const status = run('pnpm', ['exec', 'vitest', 'run', ...vitestArgs]);
timings.push(`tests ${((Date.now() - testAt) / 1000).toFixed(1)} s`);
console.error(`[baseline] npm test: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
