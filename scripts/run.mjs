#!/usr/bin/env node
// Entry point of every root npm script. Runs on the system Node (any >= 18): it brings the pinned
// toolchain, then hands the task to Node 22.
//
//   node scripts/run.mjs test|demo|bench|install|check-packages [args…]
//   node scripts/run.mjs pnpm <args…>      any pnpm command with the pinned toolchain
import { join } from 'node:path';
import { ensureToolchain, root, runForeground, toolchainEnv } from './toolchain.mjs';

const [task, ...args] = process.argv.slice(2);
if (!task) {
  console.error('usage: node scripts/run.mjs <test|demo|bench|install|check-packages|pnpm> [args…]');
  process.exit(2);
}
const { node, pnpm } = ensureToolchain();
const env = toolchainEnv();

const command = task === 'pnpm' ? [pnpm, args] : [node, [join(root, 'scripts', 'tasks', `${task}.mjs`), ...args]];
runForeground(command[0], command[1], { env, cwd: root });
