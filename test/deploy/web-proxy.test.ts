// deploy/docker/nginx.conf, the web image's configuration, run by a real nginx: the dashboard's files, the SPA
// fallback, its own /health, and /api proxied with X-Forwarded-For overwritten (what TRUST_PROXY relies on).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNginx } from './nginx-binary.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Replaces `from` by `to`, failing when `from` is gone from the configuration (so this test follows it). */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`deploy/docker/nginx.conf no longer contains "${from}": update this test`);
  return text.split(from).join(to);
}

describe('deploy/docker/nginx.conf', () => {
  let dir: string;
  let nginx: ChildProcess;
  let upstream: Server;
  let base: string;
  let nginxOutput = '';
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    const { binary, mimeTypes } = ensureNginx();
    dir = mkdtempSync(join(tmpdir(), 'baseline-web-'));
    // nginx started as root runs its workers as `nobody`: they must read the files.
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'html/assets'), { recursive: true });
    writeFileSync(join(dir, 'html/index.html'), '<!doctype html><title>dashboard</title>');
    writeFileSync(join(dir, 'html/assets/app-1a2b3c.js'), 'console.log("app");');

    // Stands in for the API so the test sees exactly what nginx forwards (the API itself is tested elsewhere).
    upstream = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      response.setHeader('content-type', 'application/json');
      response.end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const apiPort = (upstream.address() as { port: number }).port;
    const port = await freePort();

    let conf = readFileSync(join(root, 'deploy/docker/nginx.conf'), 'utf8');
    conf = swap(conf, 'server api:3000;', `server 127.0.0.1:${apiPort};`);
    conf = swap(conf, 'listen 8080;', `listen 127.0.0.1:${port};`);
    conf = swap(conf, 'root /usr/share/nginx/html;', `root ${join(dir, 'html')};`);
    conf = swap(conf, 'include /etc/nginx/mime.types;', `include ${mimeTypes};`);
    conf = swap(conf, '/tmp/nginx', join(dir, 'nginx'));
    // Node gives a child sockets, not pipes, for its output, and nginx cannot open /dev/std* on a socket.
    conf = swap(conf, 'error_log /dev/stderr', `error_log ${join(dir, 'error.log')}`);
    conf = swap(conf, 'access_log /dev/stdout', `access_log ${join(dir, 'access.log')}`);
    writeFileSync(join(dir, 'nginx.conf'), conf);

    nginx = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;']);
    nginx.stderr!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    base = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt += 1) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}: ${nginxOutput}`);
      if (
        await fetch(`${base}/health`).then(
          () => true,
          () => false,
        )
      )
        break;
      if (attempt > 100) throw new Error(`nginx never answered: ${nginxOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(async () => {
    if (nginx?.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await new Promise((resolve) => upstream?.close(resolve));
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN /health THEN the web server answers it itself', async () => {
    const response = await fetch(`${base}/health`);
    expect([response.status, await response.text()]).toEqual([200, 'ok\n']);
    expect(seen.filter((request) => request.url === '/health')).toEqual([]);
  });

  it('GIVEN a dashboard route THEN index.html is served for the client-side router', async () => {
    const response = await fetch(`${base}/guilds/1300000000000000100/settings`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>dashboard</title>');
  });

  it('GIVEN a hashed asset THEN it is served as immutable', async () => {
    const response = await fetch(`${base}/assets/app-1a2b3c.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('max-age=31536000, public, immutable');
    // A missing asset is a 404, never index.html served as JavaScript.
    expect((await fetch(`${base}/assets/gone-000000.js`)).status).toBe(404);
  });

  it('GIVEN /api with a forged X-Forwarded-For THEN the API receives the path unchanged and only the real client address', async () => {
    const response = await fetch(`${base}/api/v1/health?x=1`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(await response.json()).toEqual({ status: 'ok' });
    const request = seen.find((entry) => entry.url === '/api/v1/health?x=1');
    expect(request?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(request?.headers['x-forwarded-proto']).toBe('http');
  });
});
