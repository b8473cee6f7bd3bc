// One way to run a command in the registry tests: no shell, a clean environment chosen by the caller, and an
// error that shows the command, its folder and its output when it fails.
import { execFile } from 'node:child_process';

/** What a finished command printed. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** @default 600_000 (ten minutes: builds and installs on a busy machine) */
  timeoutMs?: number;
}

/**
 * Runs `command args…` and resolves with its output once it exits with status 0.
 *
 * @throws Error naming the command, the folder, the exit status and both outputs otherwise.
 * @example
 * ```ts
 * const { stdout } = await runCommand('npm', ['view', 'zod', 'version'], { cwd: app, env: registry.npmEnv() });
 * ```
 */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      { cwd: options.cwd, env: options.env, timeout: options.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr });
          return;
        }
        const status = error.killed ? `was killed after ${options.timeoutMs ?? 600_000} ms` : `exited with ${error.code ?? error.signal}`;
        reject(new Error(`\`${command} ${args.join(' ')}\` in ${options.cwd} ${status}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
      },
    );
  });
}
