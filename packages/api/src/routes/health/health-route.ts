import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';

const checkSchema = z.object({ ok: z.boolean(), latency_ms: z.number().nullable(), error: z.string().optional() });
export const healthSchema = z
  .object({ status: z.enum(['ok', 'degraded']), checks: z.object({ database: checkSchema, redis: checkSchema }) })
  .meta({ id: 'Health' });

async function check(ping: () => Promise<number>, timeoutMs: number): Promise<z.infer<typeof checkSchema>> {
  try {
    const latency = await Promise.race([
      ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { ok: true, latency_ms: Math.round(latency * 100) / 100 };
  } catch (error) {
    // Only the kind of failure: connection errors can carry host names and user names.
    return { ok: false, latency_ms: null, error: error instanceof Error && /within/.test(error.message) ? error.message : 'unreachable' };
  }
}

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
      const [database, redis] = await Promise.all([check(() => api.services.db.ping(), 2000), check(() => api.services.kv.ping(), 2000)]);
      const ok = database.ok && redis.ok;
      reply.code(ok ? 200 : 503);
      return { status: ok ? 'ok' : 'degraded', checks: { database, redis } };
    },
  });
}
