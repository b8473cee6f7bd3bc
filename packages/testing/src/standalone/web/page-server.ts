import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DiscordEmulator } from '../../discord/discord-emulator.js';
import { pageHtml } from './page-html.js';
import { pageScript } from './page-script.js';
import { interactionView, messagesView, stateView } from './page-views.js';

/** Largest JSON body the page may post. */
const MAX_BODY_BYTES = 64 * 1024;

/** The web page's HTTP server: the page, its script and a small JSON API over the emulator's driver. */
export interface PageServer {
  /** `http://HOST:PORT/` */
  readonly url: string;
  close(): Promise<void>;
}

class BadRequest extends Error {}

type Body = Record<string, unknown>;

function send(response: ServerResponse, status: number, contentType: string, payload: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(payload);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json', JSON.stringify(value));
}

async function readJson(request: IncomingMessage): Promise<Body> {
  // Only JSON bodies: other sites' pages cannot send this content type without a CORS preflight, which fails.
  if (!request.headers['content-type']?.startsWith('application/json')) throw new BadRequest('content-type must be application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Body;
  } catch {
    // Reported below.
  }
  throw new BadRequest('body must be a JSON object');
}

function text(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new BadRequest(`"${key}" must be a non-empty string`);
  return value;
}

function optionalText(body: Body, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
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
  const routes: Record<string, (request: IncomingMessage, url: URL) => Promise<unknown> | unknown> = {
    'GET /api/state': () => stateView(emulator, options.urls),
    'GET /api/messages': (_request, url) => ({
      messages: messagesView(emulator, url.searchParams.get('channel') ?? '', url.searchParams.get('user')),
    }),
    'GET /api/interaction': (_request, url) => interactionView(emulator, url.searchParams.get('id') ?? '', options.responseTimeoutMs),
    'POST /api/invoke': async (request) => {
      const body = await readJson(request);
      const rawOptions = body['options'];
      const handle = emulator.invokeSlashCommand({
        guildId: text(body, 'guildId'),
        channelId: text(body, 'channelId'),
        userId: text(body, 'userId'),
        name: text(body, 'name'),
        ...(optionalText(body, 'subcommand') ? { subcommand: optionalText(body, 'subcommand')! } : {}),
        ...(optionalText(body, 'subcommandGroup') ? { subcommandGroup: optionalText(body, 'subcommandGroup')! } : {}),
        options: rawOptions && typeof rawOptions === 'object' ? (rawOptions as Record<string, string | number | boolean>) : {},
      });
      return { interactionId: handle.id };
    },
    'POST /api/component': async (request) => {
      const body = await readJson(request);
      const values = body['values'];
      const messageId = text(body, 'messageId');
      const customId = text(body, 'customId');
      const userId = text(body, 'userId');
      const handle = Array.isArray(values)
        ? emulator.selectMenu(messageId, customId, userId, values.map(String))
        : emulator.clickButton(messageId, customId, userId);
      return { interactionId: handle.id };
    },
    'POST /api/modal': async (request) => {
      const body = await readJson(request);
      const fields = body['fields'];
      const handle = emulator.submitModal({
        guildId: text(body, 'guildId'),
        channelId: text(body, 'channelId'),
        userId: text(body, 'userId'),
        customId: text(body, 'customId'),
        fields: fields && typeof fields === 'object' ? (fields as Record<string, string>) : {},
      });
      return { interactionId: handle.id };
    },
    'POST /api/message': async (request) => {
      const body = await readJson(request);
      const message = emulator.sendMessage({ channelId: text(body, 'channelId'), userId: text(body, 'userId'), content: text(body, 'content') });
      return { messageId: message.id };
    },
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const key = `${request.method ?? 'GET'} ${url.pathname}`;
    if (key === 'GET /' || key === 'GET /index.html') return send(response, 200, 'text/html; charset=utf-8', pageHtml);
    if (key === 'GET /favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (key === 'GET /app.js') return send(response, 200, 'text/javascript; charset=utf-8', pageScript);
    const route = routes[key];
    if (!route) return sendJson(response, 404, { error: `no route ${key}` });
    void (async () => {
      try {
        const result = await route(request, url);
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
