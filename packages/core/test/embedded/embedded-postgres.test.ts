import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../../src/embedded/index.js';
import { firstBlockedFolder, postgresBinaryFolder, userIds } from '../../src/embedded/data-dir-access.js';
import { freePort } from '../../src/embedded/ports.js';
import { runInitdb, spawnPostgres } from '../../src/embedded/postgres-runner.js';
import { planRootLayout } from '../../src/embedded/root-layout.js';
import { isAlive, readPostmasterPid, serverProcesses } from '../../src/embedded/server-processes.js';
import { writeState } from '../../src/embedded/state-file.js';

// One cluster for the whole file: initdb runs once, every later start is warm.
const root = mkdtempSync(join(tmpdir(), 'bl-embedded-'));
// mkdtemp makes the folder 0700; this test's own folder may be entered by the postgres user PostgreSQL runs as
// under root (baseline itself never changes a folder's mode).
chmodSync(root, 0o755);
// Where a root run puts what the postgres user cannot reach (the default is /var/lib/baseline): kept in this folder.
const fallback = join(root, 'fallback');
const dataDir = join(root, 'app', '.baseline', 'postgres');
const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let server: EmbeddedPostgresServer | undefined;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const storedPort = () => (JSON.parse(readFileSync(join(dataDir, 'baseline-embedded.json'), 'utf8')) as { port: number }).port;

async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', { timeout: 90_000 }, () => {
  it('GIVEN an empty folder THEN it initialises a cluster, creates the app database and stops cleanly', async () => {
    const port = await freePort();
    server = await startEmbeddedPostgres({ rootFallbackDir: fallback, dataDir, port, logger, database: 'my_bot' });
    expect(server).toMatchObject({ port, owned: true, url: `postgres://postgres:postgres@127.0.0.1:${port}/my_bot` });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    await query(server.url, `create table notes (body text); insert into notes values ('kept')`);

    await server.close();
    server = undefined;
    expect(readPostmasterPid(dataDir)).toBeUndefined();
    expect(serverProcesses(dataDir)).toEqual([]);
    expect(storedPort()).toBe(port);
  });

  it('GIVEN a stopped cluster THEN a restart reuses the remembered port and keeps the data', async () => {
    const port = storedPort();
    server = await startEmbeddedPostgres({ rootFallbackDir: fallback, dataDir, logger, database: 'my_bot' });
    expect(server.port).toBe(port);
    expect(await query(server.url, 'select body from notes')).toEqual([{ body: 'kept' }]);
  });

  it('GIVEN the postgres process killed with SIGKILL THEN the stale postmaster.pid is cleared and the next start recovers', async () => {
    const crashed = readPostmasterPid(dataDir)!;
    process.kill(crashed.pid, 'SIGKILL');
    while (isAlive(crashed.pid)) await sleep(50);
    expect(readPostmasterPid(dataDir)?.pid).toBe(crashed.pid);

    server = await startEmbeddedPostgres({ rootFallbackDir: fallback, dataDir, logger, database: 'my_bot' });
    expect(readPostmasterPid(dataDir)?.pid).not.toBe(crashed.pid);
    expect(await query(server.url, 'select body from notes')).toEqual([{ body: 'kept' }]);
  });

  it('GIVEN a server left running by a process that died THEN the next start stops it and takes it over', async () => {
    const orphan = readPostmasterPid(dataDir)!;
    // As if the Node process that started it had been killed with SIGKILL: its server keeps running.
    writeState(dataDir, { port: server!.port, ownerPid: await deadPid() });

    server = await startEmbeddedPostgres({ rootFallbackDir: fallback, dataDir, logger, database: 'my_bot' });
    expect(server.owned).toBe(true);
    expect(isAlive(orphan.pid)).toBe(false);
    expect(readPostmasterPid(dataDir)?.pid).not.toBe(orphan.pid);
    expect(await query(server.url, 'select body from notes')).toEqual([{ body: 'kept' }]);
  });

  it('GIVEN another live process owns the running server THEN a second start connects without owning it', async () => {
    const owner = spawn('sleep', ['30']);
    try {
      writeState(dataDir, { port: server!.port, ownerPid: owner.pid! });
      const guest = await startEmbeddedPostgres({ rootFallbackDir: fallback, dataDir, logger, database: 'other_app' });
      expect(guest).toMatchObject({ owned: false, port: server!.port });
      expect(await query(guest.url, 'select current_database() as db')).toEqual([{ db: 'other_app' }]);
      await guest.close();
      expect(await query(server!.url, 'select body from notes')).toEqual([{ body: 'kept' }]);
    } finally {
      owner.kill('SIGKILL');
      writeState(dataDir, { port: server!.port, ownerPid: process.pid });
    }
  });

  it('GIVEN the remembered port taken by something else THEN it starts on a free port and remembers that one', async () => {
    const taken = server!.port;
    await server!.close();
    server = undefined;
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    try {
      server = await startEmbeddedPostgres({ rootFallbackDir: fallback, dataDir, logger, database: 'my_bot' });
      expect(server.port).not.toBe(taken);
      expect(storedPort()).toBe(server.port);
      expect(await query(server.url, 'select body from notes')).toEqual([{ body: 'kept' }]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('GIVEN a folder that is not a cluster THEN it refuses with BL_ERR_EMBEDDED_DATA_DIR', async () => {
    const other = join(root, 'not-a-cluster');
    spawnSync('mkdir', ['-p', other]);
    spawnSync('touch', [join(other, 'notes.txt')]);
    await expect(startEmbeddedPostgres({ rootFallbackDir: fallback, dataDir: other, logger })).rejects.toMatchObject({ code: 'BL_ERR_EMBEDDED_DATA_DIR' });
  });

  it('GIVEN a data directory inside a folder only its owner may enter (mktemp -d, 0700) THEN it starts, as root with the cluster under the fallback folder, AND no folder mode changes', async () => {
    const privateRoot = mkdtempSync(join(tmpdir(), 'bl-embedded-private-'));
    const asked = join(privateRoot, 'app', '.baseline', 'postgres');
    try {
      expect(statSync(privateRoot).mode & 0o777).toBe(0o700);
      const other = await startEmbeddedPostgres({ dataDir: asked, logger, rootFallbackDir: join(root, 'fallback'), database: 'private_app' });
      try {
        expect(await query(other.url, 'select current_database() as db')).toEqual([{ db: 'private_app' }]);
        if (process.getuid?.() === 0) {
          expect(other.dataDir.startsWith(join(root, 'fallback', 'clusters'))).toBe(true);
          expect(existsSync(join(asked, 'PG_VERSION'))).toBe(false);
        } else {
          expect(other.dataDir).toBe(asked);
        }
      } finally {
        await other.close();
      }
      // The same project finds its cluster again.
      const again = await startEmbeddedPostgres({ dataDir: asked, logger, rootFallbackDir: join(root, 'fallback'), database: 'private_app' });
      expect(again.dataDir).toBe(other.dataDir);
      await again.close();
      expect(statSync(privateRoot).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(privateRoot, { recursive: true, force: true });
    }
  });

  it('GIVEN the binaries behind a 0700 folder THEN as root they run from a copy under the fallback folder, AND the folder mode is unchanged', async () => {
    const binaries = postgresBinaryFolder();
    expect(binaries !== undefined && existsSync(join(binaries, 'initdb'))).toBe(true);
    const ids = process.getuid?.() === 0 ? userIds('postgres') : { uid: process.getuid!(), gid: process.getgid!() };
    const privateRoot = mkdtempSync(join(tmpdir(), 'bl-embedded-bin-'));
    const fallback = join(root, 'fallback-bin');
    try {
      // A checkout inside a 0700 folder: the platform package as installed there.
      const installed = join(privateRoot, 'node_modules', 'linux-x64');
      cpSync(dirname(binaries!), join(installed, 'native'), { recursive: true, verbatimSymlinks: true });
      writeFileSync(join(installed, 'package.json'), JSON.stringify({ version: '0.0.0-test' }));
      const layout = planRootLayout(join(root, 'bin-test', 'postgres'), ids!, join(installed, 'native', 'bin'), fallback, logger);
      if (process.getuid?.() !== 0) {
        expect(layout.binDir).toBeUndefined();
        return;
      }
      expect(firstBlockedFolder(join(installed, 'native', 'bin'), ids!)).toBe(privateRoot);
      expect(layout.binDir).toBe(join(fallback, `postgres-0.0.0-test-${process.platform}-${process.arch}`, 'bin'));
      const output: string[] = [];
      const runner = { binDir: layout.binDir!, dataDir: layout.dataDir, ids: ids!, onLog: (line: string) => output.push(line) };
      await runInitdb({ ...runner, user: 'postgres', password: 'postgres', flags: ['--encoding=UTF8'] });
      const port = await freePort();
      const child = await spawnPostgres({ ...runner, port, flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='] });
      try {
        expect(await query(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, 'select 1 as one')).toEqual([{ one: 1 }]);
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      expect(statSync(privateRoot).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(privateRoot, { recursive: true, force: true });
    }
  });

  it('GIVEN as root a data directory AND a fallback folder both behind 0700 folders THEN it fails at once with BL_ERR_EMBEDDED_PERMISSIONS naming the folder, changing no mode', async () => {
    const privateRoot = mkdtempSync(join(tmpdir(), 'bl-embedded-closed-'));
    try {
      const start = startEmbeddedPostgres({ dataDir: join(privateRoot, 'app', 'postgres'), rootFallbackDir: join(privateRoot, 'fallback'), logger });
      if (process.getuid?.() === 0) {
        const error = await start.then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error).toMatchObject({ code: 'BL_ERR_EMBEDDED_PERMISSIONS', details: { folder: privateRoot } });
        expect((error as Error).message).toContain(`chmod o+x ${privateRoot}`);
      } else {
        await (await start).close();
      }
      expect(statSync(privateRoot).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(privateRoot, { recursive: true, force: true });
    }
  });
});
