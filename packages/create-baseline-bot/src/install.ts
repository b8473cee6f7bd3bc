import { execa } from 'execa';
import type { PackageManager } from './answers.js';
import { CREATE_ERROR_CODES, CreateError } from './create-error.js';

/**
 * Runs `npm install` or `pnpm install` in the new project, its output shown as it goes.
 * @throws CreateError `BL_ERR_CREATE_CHILD_FAILED` when the install fails.
 */
export async function installDependencies(dir: string, packageManager: PackageManager): Promise<void> {
  await run(packageManager, ['install'], dir);
}

/**
 * Makes the project a git repository with a first commit, when git is there; a missing git only skips this.
 * @returns whether the repository was created.
 */
export async function initGit(dir: string): Promise<boolean> {
  const found = await execa('git', ['--version'], { reject: false });
  if (found.exitCode !== 0) return false;
  await run('git', ['init', '--quiet'], dir);
  await run('git', ['add', '--all'], dir);
  // A machine without a git identity still gets its first commit.
  await run(
    'git',
    [
      '-c',
      'user.name=create-baseline-bot',
      '-c',
      'user.email=create-baseline-bot@localhost',
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      'Initial commit from create-baseline-bot',
    ],
    dir,
  );
  return true;
}

async function run(command: string, args: string[], cwd: string): Promise<void> {
  const result = await execa(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], reject: false });
  if (result.exitCode !== 0 || result.failed) {
    throw new CreateError(
      CREATE_ERROR_CODES.childFailed,
      `\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.exitCode ?? result.signal}); fix the problem above and run it yourself.`,
    );
  }
}
