import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { assertReachableByPostgres, firstBlockedFolder } from './data-dir-access.js';

/** Where PostgreSQL's binaries and cluster live when running as root. */
export interface RootLayout {
  /** The cluster's folder: the one asked for, or its stand-in under `fallbackDir`. */
  dataDir: string;
  /** Set when the binaries run from a copy under `fallbackDir` (see `postgres-runner.ts`). */
  binDir: string | undefined;
}

/**
 * Under root PostgreSQL runs as the `postgres` user. When that user cannot enter a folder on the way to the binaries
 * (a checkout inside a `mktemp -d` folder, mode 0700) or to the data directory (a project under `/root`), the parts
 * it cannot reach are placed under `fallbackDir` instead, which root creates with mode 0755: the binaries copied
 * once per version, the cluster in a folder named after the data directory's path, so each project keeps its own.
 * No existing folder's mode is changed. When `fallbackDir` itself cannot be reached either, the start fails with
 * `BL_ERR_EMBEDDED_PERMISSIONS` naming the folder.
 *
 * @param binaryFolder - the platform package's `native/bin`, or `undefined` when it cannot be located
 */
export function planRootLayout(
  dataDir: string,
  ids: { uid: number; gid: number },
  binaryFolder: string | undefined,
  fallbackDir: string,
  logger: Logger,
): RootLayout {
  const binariesBlocked = binaryFolder !== undefined && firstBlockedFolder(binaryFolder, ids) !== undefined;
  const dataBlocked = firstBlockedFolder(dirname(dataDir), ids) !== undefined;
  if (!binariesBlocked && !dataBlocked) return { dataDir, binDir: undefined };
  mkdirSync(fallbackDir, { recursive: true, mode: 0o755 });
  const layout: RootLayout = { dataDir, binDir: undefined };
  if (dataBlocked) {
    const name = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
    layout.dataDir = join(fallbackDir, 'clusters', name, 'postgres');
    mkdirSync(dirname(layout.dataDir), { recursive: true, mode: 0o755 });
  }
  // The fallback must itself be reachable, else the original folders are reported.
  assertReachableByPostgres(layout.dataDir, ids, undefined);
  if (binariesBlocked) layout.binDir = copyBinaries(dirname(binaryFolder), fallbackDir);
  logger.warn(
    { data_dir: layout.dataDir, bin_dir: layout.binDir ?? binaryFolder, asked: dataDir },
    "running as root and the postgres user cannot enter the project's folders: PostgreSQL runs from a place it can reach (no folder's mode was changed)",
  );
  return layout;
}

/** Copies `<package>/native` once per package version to `<fallbackDir>/postgres-<version>`; returns its `bin`. */
function copyBinaries(nativeDir: string, fallbackDir: string): string {
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // Named without a version.
  }
  const target = join(fallbackDir, `postgres-${version}-${process.platform}-${process.arch}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    // Copied beside the target, then renamed: a copy cut short never looks complete.
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return join(target, 'bin');
}
