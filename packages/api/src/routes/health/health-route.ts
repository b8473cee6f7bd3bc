import { healthStatus, pingDependencies } from '@baseline/core';
import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';

const checkSchema = z.object({ ok: z.boolean(), latency_ms: z.number().nullable(), error: z.string().optional() });
export const healthSchema = z
  .object({ status: z.enum(['ok', 'degraded']), checks: z.object({ database: checkSchema, redis: checkSchema }) })
  .meta({ id: 'Health' });

/** `GET /health` and `GET /api/v1/health`: database and key-value round trips; 503 when either fails. */
export function healthRoute(url: string) {
  return defineRoute({
    method: 'GET',
    url,
    summary: 'Database and Redis reachability with round-trip times; 503 when degraded',
    tags: ['health'],
    access: 'public',
    rateLimit: false,
    responses: { 200: healthSchema, 503: healthSchema },
    async handler({ api, reply }) {
      const {
        database,
        redis: { kind: _kind, ...redis },
      } = await pingDependencies(api.services, { timeoutMs: 2000 });
      const status = healthStatus([database, redis]);
      reply.code(status === 'ok' ? 200 : 503);
      return { status, checks: { database, redis } };
    },
  });
}
