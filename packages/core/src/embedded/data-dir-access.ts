import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The uid of the OS user `name`, or `undefined` when there is no such user. */
export function userId(name: string): number | undefined {
  try {
    return Number.parseInt(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres` user, which must be able to
 * reach the data directory. Grants search permission (`o+x`, never read) on each ancestor that lacks it,
 * e.g. a `mkdtemp` folder (0700) or `/root`.
 *
 * @returns the directories whose mode was changed
 */
export function ensureTraversable(dataDir: string, uid: number): string[] {
  const changed: string[] = [];
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    const stat = statSync(dir);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) {
      chmodSync(dir, (stat.mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (dirname(dir) === dir) return changed;
  }
}
