#!/usr/bin/env node
// Entry point of every root npm script. Runs on the system Node (any >= 18): it brings the pinned
// toolchain, then hands the task to Node 22.
//
//   node scripts/run.mjs test|demo|bench|install|check-packages [args…]
//   node scripts/run.mjs pnpm <args…>      any pnpm command with the pinned toolchain
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureToolchain, root, toolchainEnv } from './toolchain.mjs';

const [task, ...args] = process.argv.slice(2);
if (!task) {
  console.error('usage: node scripts/run.mjs <test|demo|bench|install|check-packages|pnpm> [args…]');
  process.exit(2);
}
const { node, pnpm } = ensureToolchain();
const env = toolchainEnv();

const command = task === 'pnpm' ? [pnpm, args] : [node, [join(root, 'scripts', 'tasks', `${task}.mjs`), ...args]];
// The child gets the terminal; this process exits with the child's status once it has shut down.
const child = spawn(command[0], command[1], { stdio: 'inherit', env, cwd: root });
// Ctrl-C reaches the whole process group, the child included: only wait for it. Signals aimed at this process
// alone (a supervisor's SIGTERM) are passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
