// `npm test`: install, build every package (the build is part of what is tested), typecheck, lint (eslint, the
// Prettier check and knip), then the
// whole Vitest suite. Test services (PostgreSQL, Redis) are found or started by test/global-setup.ts.
// Extra arguments go to Vitest only, and skip the build, typecheck and lint steps:
// `npm test -- packages/core` runs one folder.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  step('format', 'pnpm', ['exec', 'prettier', '--check', '.']);
  step('knip', 'pnpm', ['exec', 'knip', '--no-progress', '--no-config-hints']);
}
// A full run measures coverage: every project's tests count towards every package, and vitest.config.ts fails the
// run when a package is under the floor (vitest.coverage.ts). A targeted run would only fail the thresholds.
const coverage = vitestArgs.length === 0 && process.env.BASELINE_COVERAGE !== '0';
const status = timed('tests', () => run('pnpm', ['exec', 'vitest', 'run', ...(coverage ? ['--coverage'] : []), ...vitestArgs]));
if (coverage) printCoverage();
console.error(`[baseline] npm test: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);

/** Lines and branches covered per package, from the run's coverage/coverage-summary.json. */
function printCoverage() {
  const file = join(root, 'coverage', 'coverage-summary.json');
  if (!existsSync(file)) return;
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  const totals = new Map();
  for (const [path, figures] of Object.entries(summary)) {
    const name = relative(root, path).split('/')[1];
    if (path === 'total' || name === undefined) continue;
    const sum = totals.get(name) ?? { lines: [0, 0], branches: [0, 0] };
    sum.lines[0] += figures.lines.covered;
    sum.lines[1] += figures.lines.total;
    sum.branches[0] += figures.branches.covered;
    sum.branches[1] += figures.branches.total;
    totals.set(name, sum);
  }
  const percent = ([covered, total]) => (total === 0 ? '100.0' : ((covered / total) * 100).toFixed(1));
  for (const [name, sum] of [...totals].sort()) console.error(`[baseline] coverage ${name}: lines ${percent(sum.lines)}%, branches ${percent(sum.branches)}%`);
}
