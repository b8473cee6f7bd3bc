import type { FastifyInstance, FastifyReply } from 'fastify';
import { REFERENCE_CSS, REFERENCE_HTML, REFERENCE_JS } from '../../openapi/reference-page.js';

/**
 * `GET /api/v1/openapi.json` and the reference page at `GET /api/v1/docs`. The document is built once, on the
 * first request, after every route (plugins' included) is mounted.
 */
export function registerDocsRoutes(app: FastifyInstance, document: () => Record<string, unknown>): void {
  let cached: string | undefined;
  app.get('/api/v1/openapi.json', async (_request, reply) => {
    cached ??= JSON.stringify(document());
    return reply.type('application/json; charset=utf-8').send(cached);
  });
  const page = (type: string, content: string) => async (_request: unknown, reply: FastifyReply) =>
    reply.type(type).header('cache-control', 'no-cache').send(content);
  app.get('/api/v1/docs', page('text/html; charset=utf-8', REFERENCE_HTML));
  app.get('/api/v1/docs/reference.js', page('text/javascript; charset=utf-8', REFERENCE_JS));
  app.get('/api/v1/docs/reference.css', page('text/css; charset=utf-8', REFERENCE_CSS));
}
