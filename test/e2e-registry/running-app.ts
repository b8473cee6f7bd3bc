import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A generated bot started by `baseline dev` in its folder, found through the banner it prints. */
export interface RunningGeneratedBot {
  /** The emulator's page, where commands run as demo users. */
  readonly page: string;
  readonly output: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `baseline dev --no-dashboard` in `dir` (the app's own CLI from node_modules/.bin, not through npx, which
 * does not pass SIGTERM on) and waits for the address banner.
 */
export async function startGeneratedBot(dir: string, env: NodeJS.ProcessEnv): Promise<RunningGeneratedBot> {
  let output = '';
  const child = spawn(join(dir, 'node_modules', '.bin', 'baseline'), ['dev', '--no-dashboard'], {
    cwd: dir,
    env: { ...env, NO_COLOR: '1', API_PORT: '0', HEALTH_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit') as Promise<[number | null]>;
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 1800 && child.exitCode === null; attempt += 1) {
    const page = /emulator\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    if (page !== undefined) {
      return {
        page,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          return (await exited)[0];
        },
      };
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`baseline dev did not print its banner:\n${output}`);
}
