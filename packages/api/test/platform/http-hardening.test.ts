import { createKeyValue } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/index.js';
import { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('health, OpenAPI, errors and HTTP hardening', () => {
  let stack: ApiStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await createApiStack({ api: { http: { bodyLimit: 1024 } } });
    baseUrl = await stack.api.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => stack?.close());

  it('GIVEN PostgreSQL and Redis up THEN both health routes answer ok with round-trip times', async () => {
    for (const path of ['/health', '/api/v1/health']) {
      const response = await ApiClient.http(baseUrl).get(path);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('ok');
      expect(response.body.checks.database).toMatchObject({ ok: true, latency_ms: expect.any(Number) });
      expect(response.body.checks.redis).toMatchObject({ ok: true, latency_ms: expect.any(Number) });
    }
  });

  it('GIVEN Redis unreachable THEN health answers 503 degraded without connection details', async () => {
    const services = stack.services[0]!;
    const kv = createKeyValue({ redisUrl: 'redis://127.0.0.1:1', logger: services.logger, prefix: stack.redis.prefix });
    const degraded = await createApi({ services: { ...services, kv } });
    try {
      const response = await degraded.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      const body = response.json();
      expect(body).toMatchObject({ status: 'degraded', checks: { database: { ok: true }, redis: { ok: false, latency_ms: null } } });
      expect(response.body).not.toContain('127.0.0.1');
    } finally {
      await degraded.close();
      // Not kv.close(): it waits forever for a connection that never came up (reported to core); disconnect stops the retries.
      kv.redis?.disconnect();
    }
  });

  it('GIVEN the OpenAPI document THEN it is 3.1 with every route, zod-derived schemas, and the plugin routes', async () => {
    const response = await ApiClient.http(baseUrl).get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/v1/auth/discord/url',
        'POST /api/v1/auth/discord/callback',
        'POST /api/v1/auth/logout',
        'GET /api/v1/auth/me',
        'GET /api/v1/guilds',
        'GET /api/v1/guilds/{guild_id}',
        'GET /api/v1/guilds/{guild_id}/members',
        'GET /api/v1/guilds/{guild_id}/authorized-users',
        'POST /api/v1/guilds/{guild_id}/authorized-users',
        'DELETE /api/v1/guilds/{guild_id}/authorized-users/{user_id}',
        'GET /api/v1/guilds/{guild_id}/audit-log',
        'GET /api/v1/guilds/{guild_id}/settings',
        'GET /api/v1/guilds/{guild_id}/settings/{key}',
        'PUT /api/v1/guilds/{guild_id}/settings',
        'GET /api/v1/settings/schema',
        'GET /api/v1/shards',
        'GET /api/v1/shards/{guild_id}',
        'GET /api/v1/llm/usage/summary',
        'GET /api/v1/llm/usage/by-guild/{guild_id}',
        'GET /api/v1/llm/usage/by-cog/{cog_name}',
        'GET /api/v1/llm/models',
        'PUT /api/v1/llm/models/{provider}/{model}/pricing',
        'GET /health',
        'GET /api/v1/health',
        'GET /api/v1/plugins/greeter/guilds/{guild_id}/greeting',
        'POST /api/v1/plugins/greeter/echo',
      ]),
    );
    expect(operations.some((operation) => operation.includes('broken-routes'))).toBe(false);
    const grant = document.paths['/api/v1/guilds/{guild_id}/authorized-users'].post;
    expect(grant.parameters).toEqual([
      expect.objectContaining({ name: 'guild_id', in: 'path', required: true, schema: expect.objectContaining({ type: 'string', pattern: '^\\d{17,20}$' }) }),
    ]);
    expect(grant.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['user_id'] });
    expect(grant.responses['422'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(document.paths['/api/v1/plugins/greeter/echo'].post.requestBody.content['application/json'].schema.properties.message).toMatchObject({
      type: 'string',
      maxLength: 20,
    });
    // Every reference resolves inside the document (named zod schemas become components).
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(document.components.schemas.Guild.properties.guild_id.pattern).toBe('^\\d{17,20}$');
    const members = document.paths['/api/v1/guilds/{guild_id}/members'].get.parameters.map(
      (parameter: { name: string; in: string }) => `${parameter.in}:${parameter.name}`,
    );
    expect(members).toEqual(['path:guild_id', 'query:query', 'query:limit', 'query:after']);
  });

  it('GIVEN the reference page THEN it and its script and styles come from this server only, under a strict CSP', async () => {
    const client = ApiClient.http(baseUrl);
    const page = await client.get('/api/v1/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.startsWith('/api/v1/')).toBe(true);
      expect((await client.get(source)).status).toBe(200);
    }
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await client.get('/api/v1/docs/reference.js')).text).toContain('/api/v1/openapi.json');
  });

  it('GIVEN any response THEN security headers are set AND X-Frame-Options agrees with CSP frame-ancestors (DENY)', async () => {
    const response = await ApiClient.http(baseUrl).get('/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('GIVEN a preflight from an allowed origin THEN CORS allows it with credentials AND other origins get no CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${baseUrl}/api/v1/guilds`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-csrf-token,content-type' },
      });
    const allowed = await preflight('http://127.0.0.1:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-csrf-token');
    const other = await preflight('http://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('GIVEN a body over the limit THEN 413 with the uniform body', async () => {
    const owner = ApiClient.http(baseUrl).withCookiesOf(await stack.login('owner'));
    const response = await owner.request('PUT', `/api/v1/guilds/${stack.guilds.alpha}/settings`, { body: { greeter: { greeting: 'x'.repeat(4000) } } });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('BL_ERR_API_PAYLOAD_TOO_LARGE');
  });

  it('GIVEN malformed JSON THEN 400 with the uniform body and no stack trace', async () => {
    const owner = ApiClient.http(baseUrl).withCookiesOf(await stack.login('owner'));
    const response = await fetch(`${baseUrl}/api/v1/guilds/${stack.guilds.alpha}/settings`, {
      method: 'PUT',
      headers: { cookie: owner.jar.header(), 'x-csrf-token': owner.csrfToken!, 'content-type': 'application/json' },
      body: '{"greeter": ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('BL_ERR_API_INVALID_REQUEST');
    expect(text).not.toMatch(/node_modules|\.ts:\d+|\bat [A-Za-z]/);
  });

  it('GIVEN an unknown route THEN 404 with the uniform body', async () => {
    const response = await ApiClient.http(baseUrl).get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'BL_ERR_API_NOT_FOUND', message: 'no such route' } });
  });

  it('GIVEN a plugin whose routes hook throws THEN its routes are skipped with a coded error AND the others serve', async () => {
    const skipped = stack.logs.lines.find((line) => line.msg === 'plugin routes skipped');
    expect(skipped).toMatchObject({ plugin: 'broken-routes', code: 'BL_ERR_API_PLUGIN_ROUTES' });
    const dev = await stack.login('dev');
    expect((await dev.request('POST', '/api/v1/plugins/greeter/echo', { body: { message: 'x'.repeat(21) } })).body.error.fields[0].path).toBe('body.message');
  });
});
