// `npm test`: install, build every package (the build is part of what is tested), typecheck, lint, then the
// whole Vitest suite. Test services (PostgreSQL, Redis) are found or started by test/global-setup.ts.
// Extra arguments go to Vitest only, and skip the build, typecheck and lint steps:
// `npm test -- packages/core` runs one folder.
import { join } from 'node:path';
import { root } from '../toolchain.mjs';
import { install, run } from './install.mjs';

const vitestArgs = process.argv.slice(2);
const started = Date.now();
const timings = [];

/** Runs one step and records its duration; returns its exit status. */
function timed(name, fn) {
  const at = Date.now();
  const status = fn();
  timings.push(`${name} ${((Date.now() - at) / 1000).toFixed(1)} s`);
  return status;
}

function step(name, command, args) {
  const status = timed(name, () => run(command, args));
  if (status !== 0) {
    console.error(`[baseline] ${name} failed (exit ${status})`);
    process.exit(status);
  }
}

timed('install', install);
step('chromium', 'node', [join(root, 'scripts', 'ensure-chromium.mjs')]);
if (vitestArgs.length === 0) {
  step('build', 'pnpm', ['-r', '--filter', './packages/**', '--reporter-hide-prefix', 'build']);
  step('typecheck', 'pnpm', ['-r', '--reporter-hide-prefix', 'typecheck']);
  step('lint', 'pnpm', ['exec', 'eslint', '.']);
}
const status = timed('tests', () => run('pnpm', ['exec', 'vitest', 'run', ...vitestArgs]));
console.error(`[baseline] npm test: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
