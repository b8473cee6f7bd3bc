import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options, type Result } from 'execa';

/** The built binary: the tests run what `npx create-baseline-bot` runs. */
export const CREATE = join(dirname(dirname(dirname(fileURLToPath(import.meta.url)))), 'dist', 'cli.js');

/** Runs `create-baseline-bot <args>` in `cwd` without a terminal, never throwing on a non-zero exit. */
export function runCreate(args: readonly string[], options: Options & { cwd: string }): Promise<Result> {
  return execa(process.execPath, [CREATE, ...args], {
    reject: false,
    stdin: 'ignore',
    ...options,
    env: { NO_COLOR: '1', npm_config_user_agent: '', ...options.env },
  }) as Promise<Result>;
}

/** A new empty folder to scaffold in. */
export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'create-baseline-bot-'));
}
