import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError } from '@baseline/core';

/**
 * The dashboard page's Content-Security-Policy: the API's strict one plus `'unsafe-eval'` for scripts, because the
 * settings forms validate with ajv, which compiles each JSON Schema into a function at run time (the schemas come
 * from the API, so they cannot be precompiled at build time). Everything else stays same-origin only.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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
 * @throws ConfigError `BL_ERR_CONFIG_INVALID` when `root` has no `index.html` (build the dashboard first).
 */
export async function serveDashboard(
  app: FastifyInstance,
  options: DashboardOptions,
  fallback: (request: FastifyRequest, reply: FastifyReply) => unknown,
): Promise<(request: FastifyRequest, reply: FastifyReply) => unknown> {
  if (!existsSync(join(options.root, 'index.html'))) {
    throw new ConfigError([
      {
        variable: 'dashboard.root',
        expected: 'a folder holding the built dashboard (index.html)',
        received: JSON.stringify(options.root),
        fix: 'build the dashboard first (vite build)',
      },
    ]);
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
    if (request.method === 'GET' && !isApi && wantsHtml) {
      return reply.header('cache-control', 'no-cache').header('content-security-policy', DASHBOARD_CSP).sendFile('index.html');
    }
    return fallback(request, reply);
  };
}
