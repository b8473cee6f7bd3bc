import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DiscordEmulator } from '../../discord/discord-emulator.js';
import { pageHtml } from './page-html.js';
import { pageScript } from './page-script.js';
import { readControlBody } from './control-input.js';
import { controlRoutes } from './control-routes.js';

/** The web page's HTTP server: the page, its script and the control API (`controlRoutes`) over the emulator's driver. */
export interface PageServer {
  /** `http://HOST:PORT/` */
  readonly url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, contentType: string, payload: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(payload);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json', JSON.stringify(value));
}

/**
 * Starts the page server on `host:port` (0 = a free port).
 *
 * @param emulator - the emulator the page shows and drives.
 * @param options - where to listen, the URLs to show, the emulator's interaction response deadline.
 */
export async function startPageServer(
  emulator: DiscordEmulator,
  options: { host: string; port: number; urls: Record<string, string>; responseTimeoutMs: number },
): Promise<PageServer> {
  const routes = new Map(controlRoutes.map((route) => [`${route.method} ${route.path}`, route]));

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const key = `${request.method ?? 'GET'} ${url.pathname}`;
    if (key === 'GET /' || key === 'GET /index.html') return send(response, 200, 'text/html; charset=utf-8', pageHtml);
    if (key === 'GET /favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (key === 'GET /app.js') return send(response, 200, 'text/javascript; charset=utf-8', pageScript);
    const route = routes.get(key);
    if (!route) return sendJson(response, 404, { error: `no route ${key}` });
    void (async () => {
      try {
        const body = route.body ? await readControlBody(request, route.body) : undefined;
        const result = await route.handle({ emulator, request, url, urls: options.urls, responseTimeoutMs: options.responseTimeoutMs, body });
        if (result === null) sendJson(response, 404, { error: 'not found' });
        else sendJson(response, 200, result);
      } catch (error) {
        // Driver errors (unknown command, user not a member, …) are the user's to fix: show them on the page.
        const code = (error as { code?: unknown }).code;
        sendJson(response, 400, { error: (error as Error).message, ...(typeof code === 'string' ? { code } : {}) });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
