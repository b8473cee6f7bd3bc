import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options, type Result } from 'execa';

const packageDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
/** The built binary: the tests run what users run. */
export const CLI = join(packageDir, 'dist', 'cli.js');

/** Runs `baseline <args>` as a process, never throwing on a non-zero exit. */
export function runCli(args: readonly string[], options: Options = {}): Promise<Result> {
  return execa(process.execPath, [CLI, ...args], {
    reject: false,
    stdin: 'ignore',
    ...options,
    env: { NO_COLOR: '1', LOG_LEVEL: 'warn', ...options.env },
  }) as Promise<Result>;
}

/**
 * A copy of the fixture app in packages/cli/test/node_modules/.tmp/, so it resolves @baseline/* like an installed
 * app, a test may edit it, and linters and git leave it alone.
 */
export function copyFixtureApp(): string {
  const tmp = join(packageDir, 'test', 'node_modules', '.tmp');
  mkdirSync(tmp, { recursive: true });
  // The app imports @baseline/cli as an installed package; a package cannot resolve itself by name from a
  // folder with its own package.json, so link it where Node looks next (outside the app: npm install in the
  // app would prune it).
  const link = join(packageDir, 'test', 'node_modules', '@baseline', 'cli');
  if (!existsSync(link)) {
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(packageDir, link, 'dir');
  }
  const dir = mkdtempSync(join(tmp, 'app-'));
  cpSync(join(packageDir, 'test', 'fixtures', 'app'), dir, { recursive: true });
  return dir;
}
