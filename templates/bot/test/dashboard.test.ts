import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBaselineApp, type RunningApp } from '@baseline/cli';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import app from '../src/app.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));

// The dashboard as `npm run build` and `npm start` ship it: web/ built by Vite with its own config, then served
// by the API from its origin.
describe('the dashboard', () => {
  let outDir: string;
  let running: RunningApp;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'dashboard-'));
    // Vite's build sets NODE_ENV=production when it is unset; the bot started next must not run as production.
    const nodeEnv = process.env['NODE_ENV'];
    await build({ root: join(appDir, 'web'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
    running = await startBaselineApp({
      appDir,
      app,
      dashboard: outDir,
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', API_PORT: '0', DATABASE_URL: process.env['DATABASE_URL'] },
      envFiles: false,
      handleSignals: false,
      healthServer: false,
    });
  });
  afterAll(async () => {
    await running?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  it('GIVEN npm run build THEN the API serves the built dashboard and its script, and a page route falls back to it', async () => {
    const page = await fetch(`${running.api!.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toBe(readFileSync(join(outDir, 'index.html'), 'utf8'));
    const script = /<script type="module" crossorigin src="([^"]+\.js)">/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\//);
    const bundle = await fetch(`${running.api!.url}${script!}`);
    expect(bundle.status).toBe(200);
    // web-kit's app shell is in the bundle: the dashboard calls the API under /api/v1.
    expect(await bundle.text()).toContain('/api/v1/');
    const route = await fetch(`${running.api!.url}/guilds`, { headers: { accept: 'text/html' } });
    expect(await route.text()).toBe(html);
  });
});
