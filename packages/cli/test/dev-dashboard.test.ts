import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandOnPage } from './support/emulator-page.js';
import { CLI } from './support/run-cli.js';

/** The bot template of this repository: an app with a web/ dashboard on @baseline/web-kit. */
const templateBot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'templates', 'bot');

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

describe('baseline dev with a dashboard', () => {
  let database: TestDatabase;
  let child: ResultPromise | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await database?.drop();
  });

  it(
    'GIVEN an app with web/ WHEN dev is ready THEN its banner lists the dashboard, emulator, API reference and health, and each answers',
    { timeout: 240_000 },
    async () => {
      const port = await freePort();
      let stdout = '';
      let stderr = '';
      child = execa(process.execPath, [CLI, '--dir', templateBot, 'dev', '--dashboard-port', String(port), '--no-watch'], {
        env: { NO_COLOR: '1', LOG_LEVEL: 'warn', DATABASE_URL: database.url, API_PORT: '0', HEALTH_PORT: '0' },
        reject: false,
        stdin: 'ignore',
      });
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let exited = false;
      void child.finally(() => (exited = true));
      for (let attempt = 0; attempt < 1800 && !exited && !stdout.includes('Ctrl+C stops everything.'); attempt += 1) await sleep(100);
      const banner = /baseline is running against the Discord emulator[^\n]*\n((?: {2}.*\n)+)/.exec(stdout)?.[1];
      if (banner === undefined) throw new Error(`baseline dev printed no banner (exited: ${exited}):\n${stdout}\n${stderr}`);
      const rows = Object.fromEntries(
        banner!
          .trim()
          .split('\n')
          .map((line) => /^\s*(\S.*?)\s{2,}(http\S+)/.exec(line)?.slice(1) ?? [line, '']),
      );
      expect(Object.keys(rows)).toEqual(['dashboard', 'emulator', 'API reference', 'health', expect.stringContaining('Ctrl+C')]);
      expect(rows['dashboard']).toBe(`http://127.0.0.1:${port}/`);

      // Vite's dev server answers with the app page, and sends /api to the running API.
      const page = await fetch(rows['dashboard']!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
      const proxied = await fetch(`${rows['dashboard']!}api/v1/health`);
      expect(proxied.status).toBe(200);
      expect((await fetch(rows['API reference']!)).status).toBe(200);
      expect((await fetch(rows['health']!)).status).toBe(200);
      expect(await runCommandOnPage(rows['emulator']!, { name: 'greet' })).toBe('Hello, alice!');

      child.kill('SIGTERM');
      expect((await child).exitCode).toBe(0);
      child = undefined;
    },
  );
});
