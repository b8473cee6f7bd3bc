import type { AddressInfo } from 'node:net';
import type { BaselineServices } from '@baseline/core';
import { container } from '@sapphire/framework';
import { Server, type ApiRequest, type ApiResponse } from '@sapphire/plugin-api';
import type { Client } from 'discord.js';
import type { BotMetrics } from '../metrics/bot-metrics.js';
import { checkHealth } from './check-health.js';

/** Options of {@link startHealthServer}. */
export interface HealthServerOptions {
  /** @default services.config.health.host (HEALTH_HOST, 0.0.0.0) */
  host?: string;
  /** `0` picks a free port (see {@link HealthServer.port}). @default services.config.health.port (HEALTH_PORT, 8080) */
  port?: number;
  /** Bound of each dependency ping. @default 2000 */
  timeoutMs?: number;
  /** Serves these metrics on `GET /metrics` in Prometheus' text format; without it `/metrics` is 404. */
  metrics?: Pick<BotMetrics, 'text' | 'contentType'>;
}

/** A listening health server. */
export interface HealthServer {
  /** The bound port (useful with `port: 0`). */
  readonly port: number;
  /** `http://host:port`, with `127.0.0.1` when listening on every interface. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /health` for container healthchecks: 200 with a {@link HealthReport} when the client and every
 * shard are ready and PostgreSQL and Redis answer, 503 with the same body (and its `problems`) otherwise.
 * With `metrics`, also `GET /metrics` in Prometheus' text format. Other paths get 404, other methods 405.
 *
 * The HTTP layer is `@sapphire/plugin-api`'s `Server` (its request and response classes), used standalone:
 * its route and middleware pieces are dispatched by listeners bound to Sapphire's process-global container,
 * which would tie the health check to one SapphireClient's store loading; this single route is answered directly.
 *
 * @param client - the discord.js or Sapphire client
 * @param services - `config`, `db` and `kv` of the services container
 * @param options - see {@link HealthServerOptions}
 * @example
 * ```ts
 * const health = await startHealthServer(client, services);
 * // curl -f http://127.0.0.1:8080/health
 * await health.close();
 * ```
 */
export async function startHealthServer(
  client: Client,
  services: Pick<BaselineServices, 'config' | 'db' | 'kv' | 'logger'>,
  options: HealthServerOptions = {},
): Promise<HealthServer> {
  const host = options.host ?? services.config.health.host;
  const port = options.port ?? services.config.health.port;
  const logger = services.logger.child({ component: 'health' });
  // The Server constructor claims `container.server`; give it back so an app's own plugin-api server keeps it.
  const previous = Reflect.get(container, 'server') as unknown;
  const server = new Server({ listenOptions: { host, port }, automaticallyConnect: false });
  Reflect.set(container, 'server', previous);

  server.server.on('request', (request: ApiRequest, response: ApiResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/metrics' && options.metrics !== undefined) return void serveMetrics(options.metrics, request, response);
    // plugin-api's error helpers wrap what they get as `{ error: data }`: given a string, the body is `{ error: '…' }`.
    if (path !== '/health') return void response.notFound('not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.methodNotAllowed('use GET');
    checkHealth(client, services, options.timeoutMs).then(
      (report) => {
        if (report.status !== 'ok') logger.warn({ problems: report.problems }, 'health check failed');
        response.setHeader('cache-control', 'no-store');
        response.status(report.status === 'ok' ? 200 : 503).json(report);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'health check threw');
        response.status(503).json({ status: 'degraded', problems: ['health check failed'] });
      },
    );
  });

  await server.connect();
  const bound = (server.server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  logger.info({ host, port: bound }, 'health server listening');
  return {
    port: bound,
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${bound}`,
    async close() {
      server.server.closeAllConnections();
      await server.disconnect();
    },
  };
}

function serveMetrics(metrics: Pick<BotMetrics, 'text' | 'contentType'>, request: ApiRequest, response: ApiResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') return void response.methodNotAllowed('use GET');
  metrics.text().then(
    (text) => {
      response.setHeader('cache-control', 'no-store');
      response.setHeader('content-type', metrics.contentType);
      response.status(200).end(text);
    },
    () => response.status(500).json({ error: 'metrics collection failed' }),
  );
}
