import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dev } from '../../src/actions/dev.js';
import { emulator } from '../../src/actions/emulator.js';
import { start } from '../../src/actions/start.js';
import { captureWrites, type CapturedWrites } from '../support/capture-output.js';
import { runCommandOnPage } from '../support/emulator-page.js';
import { copyFixtureApp } from '../support/run-cli.js';

/** Waits until `read()` matches, for at most two minutes. */
async function waitFor(read: () => string, pattern: RegExp): Promise<void> {
  for (let attempt = 0; attempt < 1200 && !pattern.test(read()); attempt += 1) await sleep(100);
  expect(read()).toMatch(pattern);
}

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listen();
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The build of a workspace package, as a built app in this process imports it (by name, Node would be sent to its sources). */
const built = (name: string) => pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', name, 'dist', 'index.js')).href;

/** A build as `npm run build` leaves it: dist/app.js with one plugin, and web/dist. */
function writeBuild(app: string): void {
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'built-app', private: true, type: 'module' }));
  mkdirSync(join(app, 'dist'));
  writeFileSync(
    join(app, 'dist', 'app.js'),
    // What defineApp returns, written out: @baseline/cli's build would import its siblings by name.
    `import { definePlugin } from '${built('core')}';
export default { plugins: [definePlugin({ id: 'built', name: 'Built', version: '1.0.0' })], [Symbol.for('baseline.app')]: true };
`,
  );
  mkdirSync(join(app, 'web', 'dist'), { recursive: true });
  writeFileSync(join(app, 'web', 'dist', 'index.html'), '<!doctype html><div id="root"></div>\n');
}

// dev, start and emulator in this process: each returns what it left running, which the test stops.
describe('baseline dev, start and emulator, in this process', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let stdout: CapturedWrites;
  let stderr: CapturedWrites;
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(() => {
    for (const [name, value] of Object.entries({ DATABASE_URL: database.url, LOG_LEVEL: 'warn', API_PORT: '0', HEALTH_PORT: '0', NO_COLOR: '1' }))
      vi.stubEnv(name, value);
    stdout = captureWrites(process.stdout);
    stderr = captureWrites(process.stderr);
  });
  afterEach(async () => {
    stdout.restore();
    stderr.restore();
    for (const stop of stops.splice(0)) await stop();
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('GIVEN dev with the watcher WHEN a cog is saved THEN it is reloaded, and an app module that breaks is reported while the bot runs on', async () => {
    const app = copyFixtureApp();
    const session = await dev(app, { dashboard: true, dashboardPort: '5173', watch: true });
    stops.push(() => session.close());
    expect(stdout.text()).toMatch(/baseline is running against the Discord emulator \(plugins: fixture\)/);
    expect(stdout.text()).not.toMatch(/dashboard/);
    const page = session.running.emulatorPageUrl!;
    expect(await runCommandOnPage(page, { name: 'ping' })).toBe('pong');

    const cog = join(app, 'src', 'ping-cog.ts');
    writeFileSync(cog, readFileSync(cog, 'utf8').replace("interaction.reply('pong')", "interaction.reply('pong, edited')"));
    await waitFor(() => stderr.text(), /reloaded ping/);
    expect(await runCommandOnPage(page, { name: 'ping' })).toBe('pong, edited');

    writeFileSync(join(app, 'src', 'app.ts'), "throw new Error('half-saved');\n");
    await waitFor(() => stderr.text(), /BL_ERR_CLI_APP_MODULE_INVALID: .*half-saved/);
    expect(await runCommandOnPage(page, { name: 'ping' })).toBe('pong, edited');
  });

  it('GIVEN dev with web/ THEN Vite serves the dashboard and the banner lists it', async () => {
    const app = copyFixtureApp();
    mkdirSync(join(app, 'web'));
    writeFileSync(join(app, 'web', 'index.html'), '<!doctype html><div id="root"></div>\n');
    const port = await freePort();
    const session = await dev(app, { dashboard: true, dashboardPort: String(port), watch: false });
    stops.push(() => session.close());
    expect(stdout.text()).toMatch(new RegExp(`dashboard +http://127\\.0\\.0\\.1:${port}/`));
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('<div id="root"></div>');
  });

  it('GIVEN the dashboard port is taken THEN dev stops what it started and fails with BL_ERR_CLI_CHILD_FAILED', async () => {
    const app = copyFixtureApp();
    mkdirSync(join(app, 'web'));
    writeFileSync(join(app, 'web', 'index.html'), '<!doctype html>\n');
    // Holds the port and never answers, as a stuck process would.
    const taken = await listen();
    const sockets = new Set<Socket>();
    taken.on('connection', (socket) => sockets.add(socket));
    stops.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => taken.close(resolve));
    });
    const { port } = taken.address() as { port: number };
    await expect(dev(app, { dashboard: true, dashboardPort: String(port), watch: false })).rejects.toMatchObject({
      code: 'BL_ERR_CLI_CHILD_FAILED',
      message: expect.stringContaining(`the dashboard's dev server (vite in web/) exited on http://127.0.0.1:${port}`),
    });
  });

  it('GIVEN a build THEN start runs it with the API serving the built dashboard', async () => {
    const app = copyFixtureApp();
    writeBuild(app);
    const running = await start(app, { api: true });
    stops.push(() => running.close());
    expect(stdout.text()).toMatch(/baseline is running against the Discord emulator \(plugins: built\)/);
    expect(stdout.text()).toContain(`dashboard       ${running.api!.url}/`);
    expect(await (await fetch(`${running.api!.url}/guilds`, { headers: { accept: 'text/html' } })).text()).toContain('<div id="root"></div>');
  });

  it('GIVEN --no-api THEN start runs the bot alone and the banner lists only the emulator', async () => {
    const app = copyFixtureApp();
    writeBuild(app);
    const running = await start(app, { api: false });
    stops.push(() => running.close());
    expect(running.api).toBeUndefined();
    expect(stdout.text()).not.toMatch(/dashboard|API reference|health/);
    expect(stdout.text()).toMatch(/emulator +http:/);
  });

  it('GIVEN emulator THEN it prints the variables that point a bot at it, and stop closes it', async () => {
    stdout.restore();
    // The output holds the emulator's bot token on purpose; kept out of the run's secret audit.
    stdout = captureWrites(process.stdout, { echo: false });
    const running = await emulator({ port: '0', pagePort: '0' });
    stops.push(() => running.close());
    expect(stdout.text()).toContain(`DISCORD_API_BASE_URL  ${running.standalone.urls.rest}`);
    expect((await fetch(running.standalone.urls.page)).status).toBe(200);
  });
});
