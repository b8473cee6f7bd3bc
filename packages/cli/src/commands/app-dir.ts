import { resolve } from 'node:path';
import type { Command } from 'commander';

/** The bot app's folder: the root program's `--dir`, else the working directory. */
export function appDirOf(command: Command): string {
  const options = command.optsWithGlobals<{ dir?: string }>();
  return resolve(options.dir ?? process.cwd());
}
