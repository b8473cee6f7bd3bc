// A real npm registry for tests: Verdaccio on 127.0.0.1 with a temporary configuration and storage. Baseline's
// packages (`@baseline/*`, `create-baseline-bot`) are served only from what the tests publish to it; every other
// package comes through its uplink, the registry this machine's npm already uses.
//
//   const registry = await startRegistry();
//   await registry.publishWorkspace();                    // every package at its workspace version
//   await runCommand('npm', ['install', '@baseline/bot@0.1.0'], { cwd: app, env: registry.npmEnv() });
//   await registry.close();
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, repoRoot } from './clean-env.js';
import { releaseFromCheckout, type PublishOptions } from './release-from-checkout.js';
import { createWorkspaceSandbox, type WorkspaceSandbox } from './workspace-sandbox.js';

/** A running registry made by {@link startRegistry}. */
export interface Registry {
  /** Its address, ending in `/`, e.g. `http://127.0.0.1:41873/`. */
  url: string;
  /**
   * Publishes workspace packages the way a release does: from a fresh checkout of the workspace (built by each
   * package's `prepack`), with `changeset version` when the version moves by a patch, minor or major step (so
   * the package gets a CHANGELOG entry; dependents changesets bumps with it are released too), then
   * `changeset publish`. When packages not asked for are unpublished as well, the release goes out with
   * `pnpm -r publish` restricted to it instead. The checkout is kept between calls, so a later call releases on
   * top of the earlier ones.
   *
   * @param options.version - the version to publish; @default each package's version in the workspace
   * @param options.packages - package names; @default every publishable package under packages/
   * @param options.edits - source changes the release carries (made in the checkout, the working tree is untouched)
   * @param options.summary - the changeset's summary, which becomes the CHANGELOG entry
   */
  publishWorkspace(options?: PublishOptions): Promise<void>;
  /**
   * A clean environment for npm, npx or pnpm against this registry: no npm_config_* of the outer process, a
   * fresh HOME with an `.npmrc` holding the registry and an auth token for it, and a fresh npm cache.
   */
  npmEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** Stops Verdaccio and removes its temporary files (a `storageDir` given to startRegistry is kept). */
  close(): Promise<void>;
}

/** npm refuses to publish without a token even where anonymous publishing is allowed; Verdaccio accepts any. */
const TOKEN = 'baseline-test-registry';
/** Names served only from what the tests publish, never looked up on the uplink. */
const LOCAL_ONLY = ['@baseline/*', 'create-baseline-bot'];

/**
 * Starts Verdaccio (the version pinned in the root package.json) on a free port of 127.0.0.1.
 *
 * @param options.storageDir - where packages are stored; @default a temporary folder removed by `close()`
 * @example
 * ```ts
 * const registry = await startRegistry();
 * afterAll(() => registry.close());
 * ```
 */
export async function startRegistry(options: { storageDir?: string } = {}): Promise<Registry> {
  const tmp = mkdtempSync(join(tmpdir(), 'baseline-registry-'));
  const storage = options.storageDir ?? join(tmp, 'storage');
  mkdirSync(storage, { recursive: true });
  const ca = trustedCertificates();
  const configFile = join(tmp, 'config.yaml');
  // JSON is YAML: no YAML library needed to write Verdaccio's configuration.
  writeFileSync(configFile, JSON.stringify(verdaccioConfig(storage, join(tmp, 'htpasswd'), uplinkRegistry()), null, 2));

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--config', configFile, '--listen', `127.0.0.1:${port}`],
    {
      cwd: tmp,
      env: cleanEnv({ HOME: tmp, ...(ca === undefined ? {} : { NODE_EXTRA_CA_CERTS: ca }) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = captureOutput(child);
  try {
    await waitUntilUp(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }

  const npmrc = `registry=${url}\n//127.0.0.1:${port}/:_authToken=${TOKEN}\n`;
  let sandbox: Promise<WorkspaceSandbox> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const publish = async (publishOptions: PublishOptions = {}) => {
    sandbox ??= createWorkspaceSandbox(join(tmp, 'workspace')).then((created) => {
      writeFileSync(join(created.dir, '.npmrc'), npmrc);
      return created;
    });
    const { dir } = await sandbox;
    await releaseFromCheckout(dir, url, publishOptions, cleanEnv({ npm_config_registry: url, CI: 'true' }));
  };

  const registry: Registry = {
    url,
    publishWorkspace(publishOptions) {
      // One release at a time: they share the checkout.
      const run = queue.then(() => publish(publishOptions));
      queue = run.catch(() => {});
      return run;
    },
    npmEnv(extra = {}) {
      const home = mkdtempSync(join(tmp, 'home-'));
      writeFileSync(join(home, '.npmrc'), npmrc);
      return cleanEnv({
        HOME: home,
        npm_config_registry: url,
        npm_config_userconfig: join(home, '.npmrc'),
        npm_config_cache: join(home, '.npm-cache'),
        ...extra,
      });
    },
    async close() {
      await queue;
      await stopProcess(child);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  return registry;
}

function verdaccioConfig(storage: string, htpasswd: string, uplink: string) {
  const local = { access: '$all', publish: '$all', unpublish: '$all' };
  return {
    storage,
    // max_users -1: nobody signs up; publishing is open to the anonymous token above.
    auth: { htpasswd: { file: htpasswd, max_users: -1 } },
    uplinks: { upstream: { url: uplink, timeout: '60s', maxage: '30m' } },
    packages: {
      ...Object.fromEntries(LOCAL_ONLY.map((name) => [name, local])),
      '**': { ...local, proxy: 'upstream' },
    },
    web: { enable: false },
    publish: { allow_offline: true },
    max_body_size: '200mb',
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
}

/** The registry this machine's npm uses (`npm config get registry`). */
function uplinkRegistry(): string {
  const configured = npmConfig('registry');
  return configured === undefined ? 'https://registry.npmjs.org/' : configured;
}

/** Extra CA certificates the uplink may need: NODE_EXTRA_CA_CERTS, else npm's `cafile`. */
function trustedCertificates(): string | undefined {
  return process.env.NODE_EXTRA_CA_CERTS ?? npmConfig('cafile');
}

function npmConfig(key: string): string | undefined {
  try {
    const value = execFileSync('npm', ['config', 'get', key], { encoding: 'utf8', env: process.env, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return value === '' || value === 'null' || value === 'undefined' ? undefined : value;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The last 64 kB of the child's output, for error messages. */
function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with ${child.exitCode} before answering:\n${output()}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Verdaccio did not answer on ${url} within 60 s:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
