// Installs the workspace's dependencies with the pinned pnpm. Frozen lockfile in CI, so a lockfile that
// does not match package.json fails loudly instead of being rewritten.
import { spawnSync } from 'node:child_process';
import { root } from '../toolchain.mjs';

export function install() {
  const args = ['install', '--prefer-offline', '--reporter=append-only'];
  if (process.env.CI) args.push('--frozen-lockfile');
  const result = spawnSync('pnpm', args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  if (result.status !== 0) throw new Error(`pnpm install failed (exit ${result.status})`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) install();
