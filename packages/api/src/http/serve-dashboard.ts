import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BaselineError } from '@baseline/core';

/** Where the built dashboard is (`vite build`'s output folder, holding `index.html`). */
export interface DashboardOptions {
  /** Absolute path of the built dashboard. */
  root: string;
}

/**
 * Serves the built dashboard from the API's origin: its files with @fastify/static (hashed assets cached for a
 * year, `index.html` never cached) and, for any other `GET` outside `/api` and `/health` that asks for HTML,
 * `index.html`, so the dashboard's client-side routes (`/guilds/…`, `/auth/callback`) load on a reload.
 * Unknown API paths keep their JSON 404.
 *
 * @returns the not-found handler to install: it answers HTML navigations with the SPA and others with `fallback`.
 * @throws BaselineError `BL_ERR_CONFIG_INVALID` when `root` has no `index.html` (build the dashboard first).
 */
export async function serveDashboard(
  app: FastifyInstance,
  options: DashboardOptions,
  fallback: (request: FastifyRequest, reply: FastifyReply) => unknown,
): Promise<(request: FastifyRequest, reply: FastifyReply) => unknown> {
  if (!existsSync(join(options.root, 'index.html'))) {
    throw new BaselineError('BL_ERR_CONFIG_INVALID', `dashboard.root "${options.root}" has no index.html: build the dashboard first (vite build)`);
  }
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: false,
    index: false,
    setHeaders(response, path) {
      response.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/') || path === '/health';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (request.method === 'GET' && !isApi && wantsHtml) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return fallback(request, reply);
  };
}
