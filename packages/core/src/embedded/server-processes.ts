import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** What `postmaster.pid` says about the server that last ran from a data directory. */
export interface PostmasterPid {
  pid: number;
  port: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parses `<dataDir>/postmaster.pid` (line 1: pid, line 4: port), or `undefined` when there is none. */
export function readPostmasterPid(dataDir: string): PostmasterPid | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number.isInteger(port) ? port : 0 } : undefined;
}

export function removePostmasterPid(dataDir: string): void {
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

/**
 * True when a process with this pid runs (EPERM means it exists but belongs to another user). A zombie, killed
 * but not yet reaped by its parent, counts as dead.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // The state letter follows the parenthesised command name, which may itself contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

const hasProc = (() => {
  try {
    readdirSync('/proc/self');
    return true;
  } catch {
    return false;
  }
})();

/**
 * Pids of the processes serving `dataDir`. Every PostgreSQL process (postmaster and backends) runs with the
 * data directory as its working directory, so on Linux this finds them even when `postmaster.pid` lies
 * (pid reused by an unrelated process) or is gone. Elsewhere it falls back to the pid in `postmaster.pid`.
 */
export function serverProcesses(dataDir: string): number[] {
  if (!hasProc) {
    const recorded = readPostmasterPid(dataDir);
    return recorded && isAlive(recorded.pid) ? [recorded.pid] : [];
  }
  let target: string;
  try {
    target = realpathSync(dataDir);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === target) pids.push(Number(entry));
    } catch {
      // Not ours to inspect, or already gone.
    }
  }
  return pids;
}

/** Waits until no process serves `dataDir`; `false` on timeout. */
export async function waitForNoServer(dataDir: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (serverProcesses(dataDir).length === 0) return true;
    await sleep(100);
  }
  return serverProcesses(dataDir).length === 0;
}

/**
 * Stops whatever still serves `dataDir`: a fast shutdown of the postmaster first (SIGINT), then an
 * immediate one (SIGQUIT), then SIGKILL for anything left.
 */
export async function stopServer(dataDir: string, postmasterPid: number | undefined): Promise<void> {
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Gone already.
    }
  };
  if (postmasterPid !== undefined) {
    signal(postmasterPid, 'SIGINT');
    if (await waitForNoServer(dataDir, 10_000)) return;
    signal(postmasterPid, 'SIGQUIT');
    if (await waitForNoServer(dataDir, 5_000)) return;
  } else if (await waitForNoServer(dataDir, 3_000)) {
    // Backends orphaned by a killed postmaster exit on their own within moments.
    return;
  }
  for (const pid of serverProcesses(dataDir)) signal(pid, 'SIGKILL');
  await waitForNoServer(dataDir, 5_000);
}
