import type { FastifyInstance } from 'fastify';
import { createMetricsRegistry } from '@baseline/core';
import type { Registry } from 'prom-client';

/** API answers are mostly a few milliseconds; the top buckets catch Discord round trips and slow queries. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** A settings write: `PUT`/`PATCH` of a guild's settings, and the reset of one key. */
const SETTINGS_WRITE = /^\/api\/v1\/guilds\/:guild_id\/settings(\/:key(\/reset)?)?$/;
const WRITE_METHODS: ReadonlySet<string> = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

/** The API's Prometheus metrics; see {@link installApiMetrics}. */
export interface ApiMetrics {
  readonly registry: Registry;
}

/**
 * Counts every answered request on the app's `onResponse` hook and serves `GET /metrics` (outside `/api/`, so the
 * dashboard's web server, which proxies only `/api/`, never exposes it). Labels are bounded: `route` is the
 * route's template (`/api/v1/guilds/:guild_id`), `unmatched` for paths no route has, and the status code.
 * Call before the routes are registered, so the hook applies to them.
 *
 * @example
 * ```ts
 * installApiMetrics(app); // curl http://127.0.0.1:3000/metrics
 * ```
 */
export function installApiMetrics(app: FastifyInstance): ApiMetrics {
  const metrics = createMetricsRegistry();
  const requests = metrics.counter('baseline_api_requests_total', 'Requests answered, by method, route template and status code.', [
    'method',
    'route',
    'status',
  ]);
  const duration = metrics.histogram(
    'baseline_api_request_duration_seconds',
    'Time from receiving a request to sending its answer, by method and route template.',
    ['method', 'route'],
    REQUEST_BUCKETS,
  );
  const settingsWrites = metrics.counter(
    'baseline_api_settings_writes_total',
    'Settings writes (PUT, PATCH, reset), by outcome: written (2xx), conflict (409/412: stale ETag), refused (other).',
    ['outcome'],
  );
  const refusals = metrics.counter(
    'baseline_api_rate_limit_refusals_total',
    'Requests refused with 429 because the caller, the guild or the IP was over a rate limit, by route template.',
    ['route'],
  );

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    const status = reply.statusCode;
    requests.inc({ method, route, status: String(status) });
    duration.observe({ method, route }, reply.elapsedTime / 1000);
    if (status === 429) refusals.inc({ route });
    if (WRITE_METHODS.has(method) && SETTINGS_WRITE.test(route)) {
      settingsWrites.inc({ outcome: status < 300 ? 'written' : status === 409 || status === 412 ? 'conflict' : 'refused' });
    }
  });
  const { registry } = metrics;
  app.get('/metrics', async (_request, reply) => {
    const text = await registry.metrics();
    return reply.header('content-type', registry.contentType).send(text);
  });
  return { registry };
}
