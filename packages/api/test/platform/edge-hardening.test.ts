import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

const ALLOWED_ORIGIN = 'http://127.0.0.1:5173';

/** The attributes of one Set-Cookie line, lower-cased, without its value. */
function cookieAttributes(lines: string | string[] | undefined, name: string): Record<string, string> | undefined {
  const line = (Array.isArray(lines) ? lines : lines === undefined ? [] : [lines]).find((candidate) => candidate.startsWith(`${name}=`));
  if (line === undefined) return undefined;
  const attributes = line
    .split(';')
    .slice(1)
    .map((part) => part.trim().split('='));
  return Object.fromEntries(attributes.filter(([key]) => !/^(max-age|expires)$/i.test(key!)).map(([key, value]) => [key!.toLowerCase(), value ?? '']));
}

// Regressions of issue 10 on what every response carries, whoever refuses the request.
describe('responses at the edge: headers, cookies, origins and Fastify errors', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack();
  });
  afterAll(() => stack?.close());

  it('GIVEN GET /auth/me and the OAuth callback THEN both answer Cache-Control: no-store (they carry the CSRF token and profile)', async () => {
    const client = stack.client();
    const start = await client.get('/api/v1/auth/discord/url');
    expect(start.headers['cache-control']).toBe('no-store');
    const { code, state } = await ApiClient.authorize(stack.emulator, start.body.url, stack.userIds.alice);
    client.oauthSecrets.push(code, state);
    const callback = await client.request('POST', '/api/v1/auth/discord/callback', { body: { code, state } });
    expect(callback.status).toBe(200);
    expect(callback.headers['cache-control']).toBe('no-store');
    client.csrfToken = callback.body.csrf_token;
    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await stack.client().get('/api/v1/auth/me');
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it("GIVEN a 300-character path parameter THEN 414 with the API's error body and security headers, without echoing the URL", async () => {
    const dev = await stack.login('dev');
    const long = `secret${'x'.repeat(294)}`;
    const response = await dev.get(`/api/v1/llm/usage/by-cog/${long}`);
    expect(response.status).toBe(414);
    expect(response.body).toEqual({ error: { code: 'BL_ERR_API_URI_TOO_LONG', message: expect.any(String) } });
    expect(response.text).not.toContain('secret');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it("GIVEN request headers over Node's size limit on a real socket THEN 431 with the API's error body and security headers", async () => {
    const url = new URL(await stack.api.listen({ host: '127.0.0.1', port: 0 }));
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write(`GET /api/v1/health HTTP/1.1\r\nHost: ${url.host}\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head.toLowerCase()).toContain("content-security-policy: default-src 'none'");
    expect(head.toLowerCase()).toContain('x-frame-options: deny');
    expect(JSON.parse(body)).toEqual({ error: { code: 'BL_ERR_API_INVALID_REQUEST', message: 'the request headers are too large' } });
  });

  it('GIVEN a cookie-authenticated write from an origin not configured THEN 403 BL_ERR_API_ORIGIN AND the allowed origin and the API itself pass', async () => {
    const owner = await stack.login('owner');
    const url = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    const body = { greeter: { maxPerDay: 5 } };
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:5174']) {
      const response = await owner.request('PUT', url, { body, headers: { origin } });
      expect(response.status, origin).toBe(403);
      expect(response.body.error.code).toBe('BL_ERR_API_ORIGIN');
    }
    expect((await owner.get(`${url}/greeter`)).body.value.maxPerDay).toBe(3);
    expect((await owner.request('PUT', url, { body, headers: { origin: ALLOWED_ORIGIN } })).status).toBe(200);
    // Same origin: the dashboard served by the API itself (inject's host is localhost:80).
    expect((await owner.request('PUT', url, { body: { greeter: { maxPerDay: 3 } }, headers: { origin: 'http://localhost:80' } })).status).toBe(200);
    // A login callback posted from a foreign page is refused the same way.
    const callback = await stack
      .client()
      .request('POST', '/api/v1/auth/discord/callback', { body: { code: 'x', state: 'y' }, headers: { origin: 'http://evil.example' } });
    expect(callback.body.error.code).toBe('BL_ERR_API_ORIGIN');
  });

  it('GIVEN logout and a spent OAuth state THEN each clearing Set-Cookie line carries the attributes of the cookie it clears', async () => {
    const client = stack.client();
    const start = await client.get('/api/v1/auth/discord/url');
    const stateSet = cookieAttributes(start.headers['set-cookie'], 'bl_oauth_state');
    const { code, state } = await ApiClient.authorize(stack.emulator, start.body.url, stack.userIds.bob);
    client.oauthSecrets.push(code, state);
    const callback = await client.request('POST', '/api/v1/auth/discord/callback', { body: { code, state } });
    client.csrfToken = callback.body.csrf_token;
    expect(cookieAttributes(callback.headers['set-cookie'], 'bl_oauth_state')).toEqual(stateSet);
    const sessionSet = cookieAttributes(callback.headers['set-cookie'], 'bl_session');
    const csrfSet = cookieAttributes(callback.headers['set-cookie'], 'bl_csrf');
    expect(sessionSet).toMatchObject({ path: '/api', httponly: '', samesite: 'Lax' });
    const logout = await client.request('POST', '/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    expect(cookieAttributes(logout.headers['set-cookie'], 'bl_session')).toEqual(sessionSet);
    expect(cookieAttributes(logout.headers['set-cookie'], 'bl_csrf')).toEqual(csrfSet);
  });

  it('GIVEN the OpenAPI document THEN each operation lists the statuses its route answers', async () => {
    const document = (await stack.client().get('/api/v1/openapi.json')).body;
    const statuses = (path: string, method: string) => Object.keys(document.paths[path][method].responses);
    expect(statuses('/api/v1/auth/discord/callback', 'post')).toEqual(
      expect.arrayContaining(['200', '400', '403', '413', '415', '422', '429', '500', '502', '503']),
    );
    expect(document.paths['/api/v1/auth/discord/callback'].post.responses['400'].description).toContain('BL_ERR_API_OAUTH_STATE');
    expect(statuses('/api/v1/guilds/{guild_id}/authorized-users', 'post')).toEqual(expect.arrayContaining(['409', '414', '422', '429', '500']));
    expect(statuses('/api/v1/guilds/{guild_id}/authorized-users/{user_id}', 'delete')).toEqual(
      expect.arrayContaining(['204', '400', '409', '414', '429', '500']),
    );
    expect(statuses('/api/v1/guilds/{guild_id}/settings', 'put')).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '413', '414', '415', '422', '429', '500']),
    );
    expect(statuses('/api/v1/auth/logout', 'post')).not.toContain('429');
    expect(statuses('/health', 'get')).toEqual(['200', '500', '503']);
  });
});

describe('rate limits hold for requests refused before the handler', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack({ api: { rateLimits: { user: { max: 2, windowMs: 60_000 }, anonymous: { max: 2, windowMs: 60_000 } } } });
  });
  afterAll(() => stack?.close());

  it('GIVEN an anonymous caller over its limit THEN 401s, unknown routes and malformed URLs turn into 429', async () => {
    const client = ApiClient.inject(stack.api, '10.9.9.9');
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await client.get('/api/v1/nothing-here')).status).toBe(404);
    for (const url of ['/api/v1/auth/me', '/api/v1/nothing-here', `/api/v1/guilds/${'1'.repeat(300)}`, '/api/v1/llm/usage/by-cog/%ZZ']) {
      const response = await client.get(url);
      expect(response.status, url).toBe(429);
      expect(response.body.error.code).toBe('BL_ERR_API_RATE_LIMITED');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('GIVEN a signed-in user over the limit THEN malformed bodies, CSRF refusals, bad params and 414s turn into 429', async () => {
    const owner = await stack.login('owner');
    const url = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    expect((await owner.request('PUT', url, { body: {}, csrf: false })).status).toBe(403);
    const malformed = () =>
      stack.api.inject({
        method: 'PUT',
        url,
        headers: { cookie: owner.jar.header(), 'x-csrf-token': owner.csrfToken!, 'content-type': 'application/json' },
        payload: '{"greeter": ',
      });
    expect((await malformed()).statusCode).toBe(400);
    expect((await malformed()).statusCode).toBe(429);
    for (const response of [
      await owner.request('PUT', url, { body: {}, csrf: false }),
      await owner.get('/api/v1/guilds/99999999999999999999'),
      await owner.get(`/api/v1/guilds/${'1'.repeat(300)}`),
      await owner.request('PUT', url, { body: { greeter: { maxPerDay: 4 } }, headers: { origin: 'http://evil.example' } }),
    ]) {
      expect(response.status, response.text).toBe(429);
    }
  });
});
