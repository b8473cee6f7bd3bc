// Debian's docker-compose (v1.29): validates and resolves compose files without a container engine.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const INSTALL = 'apt-get install -y --no-install-recommends docker-compose';

function installed(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure `docker-compose` is on PATH: installs Debian's package when running as root, otherwise throws with
 * the command to run. `--no-install-recommends` keeps the Docker engine out; `config` needs none.
 */
export function ensureDockerCompose(): void {
  if (installed()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`docker-compose is missing and this test is not running as root. Fix: run \`sudo ${INSTALL}\` once, then rerun the test`);
  }
  try {
    execFileSync('sh', ['-c', INSTALL], { stdio: 'pipe' });
  } catch {
    // Package lists never fetched on this machine: fetch them once and retry.
    execFileSync('sh', ['-c', `apt-get update && ${INSTALL}`], { stdio: 'pipe' });
  }
  if (!installed()) throw new Error(`\`${INSTALL}\` ran but docker-compose is still not on PATH`);
}

/**
 * `docker-compose config` of `files` (relative to `cwd`) with `envText` as the `.env` (written to a temporary
 * directory, passed both for interpolation and as ENV_FILE, the compose file's `env_file`).
 * @returns the resolved YAML, or throws with docker-compose's message
 */
export async function composeConfig(cwd: string, files: readonly string[], envText: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-compose-'));
  try {
    const envFile = join(dir, '.env');
    writeFileSync(envFile, envText);
    const args = ['--env-file', envFile, ...files.flatMap((file) => ['-f', file]), 'config'];
    const { stdout } = await run('docker-compose', args, { cwd, env: { ...process.env, ENV_FILE: envFile } });
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
