import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

// Regressions of issue 10: each input here used to reach PostgreSQL and answer 500 (or 200 where it should refuse).
describe('untrusted input is refused at the edge, never with a 5xx', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let dev: ApiClient;

  beforeAll(async () => {
    stack = await createApiStack();
    owner = await stack.login('owner');
    dev = await stack.login('dev');
  });
  afterAll(() => stack?.close());

  /** Sends a raw body as the owner (cookie and CSRF token), bypassing the client's JSON encoding. */
  const rawPut = (url: string, payload: string | undefined, contentType = 'application/json') =>
    stack.api.inject({
      method: 'PUT',
      url,
      headers: { cookie: owner.jar.header(), 'x-csrf-token': owner.csrfToken!, ...(payload === undefined ? {} : { 'content-type': contentType }) },
      ...(payload === undefined ? {} : { payload }),
    });

  it.each(['99999999999999999999', '9223372036854775808'])(
    'GIVEN the snowflake-shaped id %s beyond 64 bits in a path THEN every guild route answers 400, not 500',
    async (id) => {
      const alpha = stack.guilds.alpha;
      const cases: Array<[ApiClient, string, string, string]> = [
        [owner, 'GET', `/api/v1/guilds/${id}`, 'params.guild_id'],
        [owner, 'GET', `/api/v1/guilds/${id}/settings`, 'params.guild_id'],
        [owner, 'DELETE', `/api/v1/guilds/${alpha}/authorized-users/${id}`, 'params.user_id'],
        [dev, 'GET', `/api/v1/guilds/${id}/audit-log`, 'params.guild_id'],
        [dev, 'GET', `/api/v1/llm/usage/by-guild/${id}`, 'params.guild_id'],
        [owner, 'GET', `/api/v1/shards/${id}`, 'params.guild_id'],
      ];
      for (const [client, method, url, field] of cases) {
        const response = await client.request(method, url);
        expect(response.status, `${method} ${url}: ${response.text}`).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'BL_ERR_API_INVALID_REQUEST', fields: [{ path: field }] });
      }
    },
  );

  it('GIVEN audit-log?before= beyond 64 bits, or a grant of such a user THEN 400 and 422, not 500', async () => {
    const before = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log?before=9223372036854775808`);
    expect(before.status).toBe(400);
    expect(before.body.error.fields[0].path).toBe('query.before');
    const grant = await owner.request('POST', `/api/v1/guilds/${stack.guilds.alpha}/authorized-users`, { body: { user_id: '99999999999999999999' } });
    expect(grant.status).toBe(422);
    expect(grant.body.error.fields).toEqual([{ path: 'body.user_id', message: expect.stringContaining('9223372036854775807') }]);
  });

  it('GIVEN a NUL byte in a path or query value THEN 400 naming the field, not 500', async () => {
    const cases: Array<[ApiClient, string, string]> = [
      [dev, '/api/v1/llm/usage/by-cog/%00', 'params.cog_name'],
      [owner, `/api/v1/guilds/${stack.guilds.alpha}/audit-log?action=%00`, 'query.action'],
      [dev, '/api/v1/llm/usage/summary?provider=%00', 'query.provider'],
      [dev, '/api/v1/llm/usage/summary?model=a%00b', 'query.model'],
      [owner, `/api/v1/guilds/${stack.guilds.alpha}/members?query=%00`, 'query.query'],
    ];
    for (const [client, url, field] of cases) {
      const response = await client.get(url);
      expect(response.status, `${url}: ${response.text}`).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'BL_ERR_API_INVALID_REQUEST', fields: [{ path: field }] });
    }
  });

  it('GIVEN malformed percent-encoding in a path THEN 400 with the API error body and no URL echo', async () => {
    const response = await dev.get('/api/v1/llm/usage/by-cog/%ED%A0%80%ZZsecret-path');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BL_ERR_API_INVALID_REQUEST');
    expect(response.text).not.toContain('secret-path');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('GIVEN a NUL or a lone surrogate in a JSON body, in a value or a key THEN 422 naming the field AND nothing is stored', async () => {
    const url = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    for (const [payload, field] of [
      ['{"greeter":{"greeting":"hi\\u0000there"}}', 'body.greeter.greeting'],
      ['{"greeter":{"greeting":"\\ud800"}}', 'body.greeter.greeting'],
      ['{"greeter":{"greet\\udc00":"x"}}', 'body.greeter.greet\udc00'],
    ] as const) {
      const response = await rawPut(url, payload);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'BL_ERR_API_VALIDATION', fields: [{ path: field }] });
    }
    expect((await owner.get(`${url}/greeter`)).body.value.greeting).toBe('Hello');
  });

  it.each(['0000-01-01', '1969-12-31', '10000-01-01'])('GIVEN ?from=%s on the usage routes THEN 400 naming the field, not 500', async (from) => {
    for (const url of [`/api/v1/llm/usage/summary?from=${from}`, `/api/v1/llm/usage/by-cog/chat?to=${from}`]) {
      const response = await dev.get(url);
      expect(response.status, `${url}: ${response.text}`).toBe(400);
      expect(response.body.error.code).toBe('BL_ERR_API_INVALID_REQUEST');
    }
  });

  it('GIVEN PUT settings with no body or a null body THEN 422, not 200', async () => {
    const url = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    for (const payload of [undefined, 'null']) {
      const response = await rawPut(url, payload);
      expect(response.statusCode, String(payload)).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'BL_ERR_API_VALIDATION', fields: [{ path: 'body' }] });
    }
  });

  it('GIVEN PUT settings with a field the namespace does not declare THEN 422 naming it AND nothing is stored', async () => {
    const url = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    const response = await owner.request('PUT', url, { body: { greeter: { greeting: 'Hey', colour: 'red' } } });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'BL_ERR_SETTINGS_INVALID', fields: [{ path: 'greeter.colour', message: 'unknown settings field' }] });
    expect((await owner.get(`${url}/greeter`)).body.value.greeting).toBe('Hello');
    const schema = (await owner.get('/api/v1/settings/schema')).body;
    expect(JSON.stringify(schema)).toContain('"additionalProperties":false');
  });

  it('GIVEN a body declared in a charset other than UTF-8 THEN 415, AND UTF-8 declared either way is accepted', async () => {
    const url = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    const utf16 = await rawPut(url, '{"greeter":{"maxPerDay":5}}', 'application/json; charset=utf-16');
    expect(utf16.statusCode).toBe(415);
    expect(utf16.json().error.code).toBe('BL_ERR_API_UNSUPPORTED_MEDIA_TYPE');
    expect((await owner.get(`${url}/greeter`)).body.value.maxPerDay).toBe(3);
    for (const contentType of ['application/json; charset=UTF-8', 'application/json;charset="utf8"']) {
      expect((await rawPut(url, '{"greeter":{"maxPerDay":3}}', contentType)).statusCode, contentType).toBe(200);
    }
  });
});
