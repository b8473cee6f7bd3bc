// A fresh checkout of this workspace in a temporary folder: the files git knows about (committed, or new and not
// ignored), so no dist/ and no node_modules/, installed with the pinned pnpm the way a new contributor or a CI
// job would. Releases in the registry tests are built and published from it, never from the working tree, so
// the working tree's versions, changesets and builds are never touched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanEnv, repoRoot } from './clean-env.js';
import { runCommand } from './run-command.js';

/** A checkout made by {@link createWorkspaceSandbox}. */
export interface WorkspaceSandbox {
  /** Its root folder. */
  readonly dir: string;
  /** Everything `pnpm install` printed (stdout, then stderr). */
  readonly installOutput: string;
}

/** Pending changesets of the working tree are left out: a sandbox release states its own. */
const isPendingChangeset = (path: string) => /^\.changeset\/(?!README\.md$)[^/]+\.md$/.test(path);

/**
 * Copies the workspace's source files into `dir` (created) and runs `pnpm install --frozen-lockfile` there.
 *
 * @param dir - an empty or missing folder
 * @example
 * ```ts
 * const sandbox = await createWorkspaceSandbox(join(tmp, 'checkout'));
 * ```
 */
export async function createWorkspaceSandbox(dir: string): Promise<WorkspaceSandbox> {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
  for (const path of listed.split('\0')) {
    // Deleted but not yet committed files are still listed by --cached.
    if (path === '' || isPendingChangeset(path) || !existsSync(join(repoRoot, path))) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(repoRoot, path), join(dir, path));
  }
  const { stdout, stderr } = await runCommand('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], {
    cwd: dir,
    env: cleanEnv({ CI: 'true' }),
  });
  return { dir, installOutput: `${stdout}${stderr}` };
}

/** The publishable packages of a checkout: every `packages/<name>` whose package.json is not private. */
export function publishablePackages(dir: string): { name: string; dir: string }[] {
  return readdirSync(join(dir, 'packages'))
    .map((folder) => join(dir, 'packages', folder))
    .filter((folder) => existsSync(join(folder, 'package.json')))
    .map((folder) => ({ folder, json: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; private?: boolean } }))
    .filter(({ json }) => json.private !== true)
    .map(({ folder, json }) => ({ name: json.name, dir: folder }));
}
