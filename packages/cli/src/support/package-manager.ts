import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { CLI_ERROR_CODES, CliError } from './cli-error.js';

export type PackageManager = 'npm' | 'pnpm';

/** The app's package manager, from its lockfile; npm when there is none. */
export function detectPackageManager(appDir: string): PackageManager {
  return existsSync(join(appDir, 'pnpm-lock.yaml')) ? 'pnpm' : 'npm';
}

/**
 * Runs the package manager in the app folder, its output kept for the error message.
 * @throws CliError `BL_ERR_CLI_CHILD_FAILED` when it exits non-zero.
 */
export async function runPackageManager(appDir: string, args: readonly string[]): Promise<string> {
  const manager = detectPackageManager(appDir);
  const result = await execa(manager, args, { cwd: appDir, reject: false, all: true, stdin: 'ignore' });
  if (result.exitCode !== 0) {
    const tail = (result.all ?? '').split('\n').slice(-15).join('\n');
    throw new CliError(CLI_ERROR_CODES.childFailed, `\`${manager} ${args.join(' ')}\` failed (exit ${result.exitCode ?? result.signal}):\n${tail}`);
  }
  return result.stdout;
}

/** `npm install <spec>` / `pnpm add <spec>`. */
export function addDependency(appDir: string, spec: string): Promise<string> {
  return runPackageManager(appDir, detectPackageManager(appDir) === 'pnpm' ? ['add', spec] : ['install', spec]);
}
