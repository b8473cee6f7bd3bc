import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import { BASELINE_VERSION, ConfigError } from '@baseline/core';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createGuildAccessCache } from './access/guild-access-cache.js';
import { createAccessibleGuildsCache } from './routes/guilds/accessible-guilds-cache.js';
import { createRequestIds } from './http/request-ids.js';
import { createSessionHints } from './auth/session-hints.js';
import { createSessionStore } from './auth/session-store.js';
import { createTokenCipher } from './auth/token-cipher.js';
import { createDiscordRest } from './discord/discord-rest.js';
import { handleError } from './errors/error-handler.js';
import { API_ERROR_CODES, ApiError } from './errors/api-error.js';
import { createApiContext } from './http/api-context.js';
import { assertUtf8Body } from './http/body-charset.js';
import { createRejectionCounter } from './http/rejection-counter.js';
import { registerRoute } from './http/register-route.js';
import { installApiMetrics } from './metrics/api-metrics.js';
import { clientErrorResponse } from './http/client-error-response.js';
import { serveDashboard } from './http/serve-dashboard.js';
import { securityHeaders } from './http/security-headers.js';
import { resolveApiOptions, type CreateApiOptions } from './api-options.js';
import { buildOpenApi, type MountedRoute } from './openapi/build-openapi.js';
import { mountPluginRoutes } from './plugins/mount-plugin-routes.js';
import { resolveRateLimits } from './rate-limit/rate-limiter.js';
import { createRequestGate } from './http/request-gate.js';
import { registerDocsRoutes } from './routes/docs/docs-routes.js';
import { healthRoute } from './routes/health/health-route.js';
import { API_ROUTES } from './routes/index.js';

/** The API server: a Fastify instance with every route mounted, plus the OpenAPI document. */
export type BaselineApi = FastifyInstance & {
  /** The OpenAPI 3.1 document (also served at `/api/v1/openapi.json`). */
  openApiDocument(): Record<string, unknown>;
};

/**
 * Builds the REST API on Fastify: every route under `/api/v1`, plus `/health`. Stateless: sessions, OAuth
 * state, rate-limit counters and caches live in the key-value store, so any number of instances can serve the
 * same users. Call `listen({ host, port })` to serve and `close()` to stop (the services are not closed).
 *
 * @throws ConfigError `BL_ERR_CONFIG_INVALID` in production without `API_SECRET_KEY`.
 * @example
 * ```ts
 * const services = await createServices({ service: 'api' });
 * const api = await createApi({ services });
 * await api.listen({ host: services.config.api.host, port: services.config.api.port });
 * ```
 */
export async function createApi(options: CreateApiOptions): Promise<BaselineApi> {
  const { services } = options;
  const { config } = services;
  const logger = services.logger.child({ component: 'api' });
  let secretKey = config.api.secretKey;
  if (secretKey === undefined) {
    if (config.isProduction) {
      throw new ConfigError([
        {
          variable: 'API_SECRET_KEY',
          expected: 'a secret key when NODE_ENV=production',
          received: 'nothing',
          fix: 'set it to the output of: openssl rand -hex 32',
        },
      ]);
    }
    secretKey = randomBytes(32).toString('hex');
    logger.warn('API_SECRET_KEY is unset: using a random key, so sessions end when this process stops and other instances cannot read them');
  }
  const resolved = resolveApiOptions(options, config);
  const sessions = createSessionStore(services.kv, resolved.sessions.ttlMs);
  const gate = createRequestGate(services.kv, resolveRateLimits(resolved.rateLimits));
  const api = createApiContext({
    services,
    options: resolved,
    discord: createDiscordRest({
      baseUrl: config.discord.apiBaseUrl ?? 'https://discord.com/api',
      botToken: config.discord.botToken,
      clientId: config.discord.clientId,
      clientSecret: config.discord.clientSecret,
    }),
    sessions,
    cipher: createTokenCipher(secretKey),
    gate,
    rejections: createRejectionCounter({ gate, sessions }),
    sessionHints: createSessionHints(),
    guildAccess: createGuildAccessCache(services.db, services.kv, { ttlMs: resolved.caches.guildAccessTtlMs }),
    accessibleGuilds: createAccessibleGuildsCache(services.db, { ttlMs: resolved.caches.guildListTtlMs }),
  });

  const headers = { ...(await securityHeaders()), 'cache-control': 'no-store' };
  /**
   * Every refusal, whoever raised it, ends here: counted against the rate limits when the route pipeline did not
   * count it (429 instead when over a limit), then answered with the API's error body.
   */
  const refuse = async (error: unknown, request: FastifyRequest, reply: FastifyReply, sessionCookie: string | undefined) => {
    let answer = error;
    if (!(error instanceof ApiError && error.status === 429)) {
      try {
        answer = (await api.rejections.count(request, reply, sessionCookie)) ?? error;
      } catch (countError) {
        request.log.warn({ err: countError }, 'could not count a refused request against the rate limits');
      }
    }
    return handleError(answer, request, reply);
  };
  const app = Fastify({
    // pino's Logger is Fastify's logger interface; the cast drops pino's generic, which Fastify would carry everywhere.
    loggerInstance: logger as FastifyBaseLogger,
    // Requests are logged once, on completion, by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.http?.bodyLimit ?? 65_536,
    trustProxy: options.http?.trustProxy ?? false,
    return503OnClosing: true,
    genReqId: createRequestIds(),
    // Refused by the router (malformed percent-encoding, a path parameter over 100 characters): no hook runs, so
    // the headers are set here; the body never echoes the URL.
    frameworkErrors: (error, request, reply) => {
      reply.headers(headers);
      const cookie = app.parseCookie(request.headers.cookie ?? '')[resolved.sessions.cookieName];
      void refuse(error, request, reply, cookie);
    },
    // Refused by Node's HTTP parser before any request exists (header too large, malformed request line).
    clientErrorHandler: (error, socket) => {
      if (socket.writable) socket.end(clientErrorResponse(error, headers));
      else socket.destroy(error);
    },
  });
  app.setErrorHandler((error, request, reply) => refuse(error, request, reply, request.cookies?.[resolved.sessions.cookieName]));
  // Installed after the hooks (below), so the dashboard's files carry the same security headers.
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    refuse(new ApiError(API_ERROR_CODES.notFound, 'no such route', { status: 404 }), request, reply, request.cookies?.[resolved.sessions.cookieName]);
  await app.register(fastifyCookie);
  await app.register(fastifyCors, {
    origin: [...config.api.corsOrigins],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'x-csrf-token', 'if-match'],
    exposedHeaders: ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'etag'],
    maxAge: 600,
  });
  app.addHook('onRequest', (request, reply, done) => {
    // No response of the API may be stored by a cache: they carry profiles, CSRF tokens and guild data. Routes that
    // serve static content (the reference page) set their own Cache-Control.
    reply.headers(headers);
    try {
      // Bodies of GET and HEAD are never parsed, so only writes are held to UTF-8.
      if (request.method !== 'GET' && request.method !== 'HEAD') assertUtf8Body(request.headers['content-type']);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
  if (options.metrics ?? config.metrics.enabled) installApiMetrics(app);
  if (options.http?.logRequests !== false) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unknown',
          status: reply.statusCode,
          duration_ms: Math.round(reply.elapsedTime * 100) / 100,
        },
        'request completed',
      );
    });
  }

  // After the hooks, so the dashboard's files carry the same security headers.
  app.setNotFoundHandler(options.dashboard === undefined ? notFound : await serveDashboard(app, options.dashboard, notFound));

  const mounted: MountedRoute[] = [];
  const mount = (prefix: string, definition: (typeof API_ROUTES)[number]) => {
    registerRoute(app, api, prefix, definition);
    mounted.push({ prefix, definition });
  };
  for (const definition of API_ROUTES) mount('/api/v1', definition);
  mount('', healthRoute('/health'));
  await mountPluginRoutes(app, api, mounted);
  const openApiDocument = () => buildOpenApi(mounted, { version: BASELINE_VERSION, cookieName: resolved.sessions.cookieName });
  registerDocsRoutes(app, openApiDocument);
  app.decorate('openApiDocument', openApiDocument);
  await app.ready();
  // `Fastify()` also types the instance as PromiseLike (awaitable until ready); once ready it is the plain instance.
  return app as unknown as BaselineApi;
}
