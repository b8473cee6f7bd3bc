import { bumpAccessVersions, markGuildInactive, reactivateGuild } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

type Role = 'anonymous' | 'otherGuildUser' | 'authorized' | 'delegated' | 'developer';
const ROLES: Role[] = ['anonymous', 'otherGuildUser', 'authorized', 'delegated', 'developer'];

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (stack: ApiStack) => string;
  body?: (stack: ApiStack) => unknown;
  /** Expected status per role, in ROLES order. */
  expected: [number, number, number, number, number];
}

const A = (stack: ApiStack) => stack.guilds.alpha;

// Writes use inputs that pass access but change nothing lasting where possible (a non-member grantee → 422,
// revoking a user who holds no grant → 404), so the rows stay independent of their order.
const MATRIX: Array<[string, Row]> = [
  ['GET /health', { method: 'GET', path: () => '/health', expected: [200, 200, 200, 200, 200] }],
  ['GET /api/v1/health', { method: 'GET', path: () => '/api/v1/health', expected: [200, 200, 200, 200, 200] }],
  ['GET /api/v1/openapi.json', { method: 'GET', path: () => '/api/v1/openapi.json', expected: [200, 200, 200, 200, 200] }],
  ['GET /auth/discord/url', { method: 'GET', path: () => '/api/v1/auth/discord/url', expected: [200, 200, 200, 200, 200] }],
  ['GET /auth/me', { method: 'GET', path: () => '/api/v1/auth/me', expected: [401, 200, 200, 200, 200] }],
  ['GET /guilds', { method: 'GET', path: () => '/api/v1/guilds', expected: [401, 200, 200, 200, 200] }],
  ['GET /guilds/{id}', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}`, expected: [401, 403, 200, 200, 200] }],
  ['GET /guilds/{id}/members', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}/members?limit=10`, expected: [401, 403, 200, 200, 200] }],
  ['GET /guilds/{id}/discord', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}/discord`, expected: [401, 403, 200, 200, 200] }],
  ['GET /guilds/{id}/authorized-users', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}/authorized-users`, expected: [401, 403, 200, 200, 200] }],
  [
    'POST /guilds/{id}/authorized-users',
    {
      method: 'POST',
      path: (s) => `/api/v1/guilds/${A(s)}/authorized-users`,
      body: (s) => ({ user_id: s.userIds.carol }),
      expected: [401, 403, 422, 422, 403],
    },
  ],
  [
    'DELETE /guilds/{id}/authorized-users/{user}',
    { method: 'DELETE', path: (s) => `/api/v1/guilds/${A(s)}/authorized-users/${s.userIds.mallory}`, expected: [401, 403, 404, 404, 403] },
  ],
  ['GET /guilds/{id}/audit-log', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}/audit-log`, expected: [401, 403, 200, 200, 200] }],
  ['GET /guilds/{id}/settings', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}/settings`, expected: [401, 403, 200, 200, 200] }],
  ['GET /guilds/{id}/settings/{key}', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}/settings/greeter`, expected: [401, 403, 200, 200, 200] }],
  [
    'PUT /guilds/{id}/settings',
    { method: 'PUT', path: (s) => `/api/v1/guilds/${A(s)}/settings`, body: () => ({ greeter: { maxPerDay: 4 } }), expected: [401, 403, 200, 200, 200] },
  ],
  [
    'POST /guilds/{id}/settings/{key}/reset',
    {
      method: 'POST',
      path: (s) => `/api/v1/guilds/${A(s)}/settings/greeter/reset`,
      body: () => ({ fields: ['maxPerDay'] }),
      expected: [401, 403, 200, 200, 200],
    },
  ],
  ['GET /settings/schema', { method: 'GET', path: () => '/api/v1/settings/schema', expected: [401, 200, 200, 200, 200] }],
  ['GET /guilds/{id}/toggles', { method: 'GET', path: (s) => `/api/v1/guilds/${A(s)}/toggles`, expected: [401, 403, 200, 200, 200] }],
  [
    'PUT /guilds/{id}/toggles',
    {
      method: 'PUT',
      path: (s) => `/api/v1/guilds/${A(s)}/toggles`,
      body: () => ({ plugin_id: 'greeter', enabled: null }),
      expected: [401, 403, 200, 200, 200],
    },
  ],
  ['GET /tasks', { method: 'GET', path: () => '/api/v1/tasks', expected: [401, 403, 403, 403, 200] }],
  ['GET /shards', { method: 'GET', path: () => '/api/v1/shards', expected: [401, 403, 403, 403, 200] }],
  ['GET /shards/{guild_id}', { method: 'GET', path: (s) => `/api/v1/shards/${A(s)}`, expected: [401, 403, 200, 200, 200] }],
  ['GET /llm/usage/summary', { method: 'GET', path: () => '/api/v1/llm/usage/summary', expected: [401, 403, 403, 403, 200] }],
  ['GET /llm/usage/by-guild/{id}', { method: 'GET', path: (s) => `/api/v1/llm/usage/by-guild/${A(s)}`, expected: [401, 403, 403, 403, 200] }],
  ['GET /llm/usage/by-cog/{cog}', { method: 'GET', path: () => '/api/v1/llm/usage/by-cog/chat', expected: [401, 403, 403, 403, 200] }],
  ['GET /llm/usage/breakdown', { method: 'GET', path: () => '/api/v1/llm/usage/breakdown?by=guild', expected: [401, 403, 403, 403, 200] }],
  ['GET /llm/models', { method: 'GET', path: () => '/api/v1/llm/models', expected: [401, 403, 403, 403, 200] }],
  [
    'PUT /llm/models/{provider}/{model}/pricing',
    {
      method: 'PUT',
      path: () => '/api/v1/llm/models/openai/gpt-matrix/pricing',
      body: () => ({ input_cost_per_1k_tokens: '0.001', output_cost_per_1k_tokens: '0.002' }),
      expected: [401, 403, 403, 403, 200],
    },
  ],
  // Erasing a user who holds nothing changes nothing, whoever asks.
  [
    'POST /privacy/users/{user}/erase',
    { method: 'POST', path: (s) => `/api/v1/privacy/users/${s.userIds.mallory}/erase`, expected: [401, 403, 403, 403, 200] },
  ],
  ['GET plugin guild route', { method: 'GET', path: (s) => `/api/v1/plugins/greeter/guilds/${A(s)}/greeting`, expected: [401, 403, 200, 200, 200] }],
  [
    'POST plugin user route',
    { method: 'POST', path: () => '/api/v1/plugins/greeter/echo', body: () => ({ message: 'hi' }), expected: [401, 201, 201, 201, 201] },
  ],
];

describe('access matrix: every route and method, five kinds of caller', () => {
  let stack: ApiStack;
  const clients = {} as Record<Role, ApiClient>;

  beforeAll(async () => {
    // The default caches: the guild's access facts and the guild lists are reused by this instance.
    stack = await createApiStack();
    clients.anonymous = stack.client();
    clients.otherGuildUser = await stack.login('bob');
    clients.authorized = await stack.login('owner');
    clients.delegated = await stack.login('alice');
    clients.developer = await stack.login('dev');
  });
  afterAll(() => stack?.close());

  it.each(MATRIX)('GIVEN %s THEN each caller gets exactly the expected status', async (_name, row) => {
    const statuses: Record<string, number> = {};
    for (const role of ROLES) {
      const response = await clients[role].request(row.method, row.path(stack), row.body ? { body: row.body(stack) } : {});
      statuses[role] = response.status;
      if (response.status >= 400) expect(response.body?.error?.code, `${role}: ${response.text}`).toMatch(/^BL_ERR_/);
    }
    expect(statuses).toEqual(Object.fromEntries(ROLES.map((role, index) => [role, row.expected[index]])));
  });

  it('GIVEN an unknown guild THEN outsiders get 403 (no probing) AND the developer team gets 404', async () => {
    const unknown = '123456789012345678';
    expect((await clients.otherGuildUser.get(`/api/v1/guilds/${unknown}`)).status).toBe(403);
    expect((await clients.developer.get(`/api/v1/guilds/${unknown}`)).status).toBe(404);
  });

  /** What the bot's guild tracking does when it leaves or rejoins a guild: the row, then the access versions. */
  async function botSets(guildId: string, active: boolean) {
    await (active ? reactivateGuild : markGuildInactive)(stack.db, guildId);
    const grants = await stack.db
      .fork()
      .getConnection()
      .execute<{ user_id: string }[]>('select user_id::text as user_id from authorized_users where guild_id = ? and is_active', [guildId]);
    await bumpAccessVersions(stack.services[0]!.kv, { guildIds: [guildId], userIds: grants.map((row) => row.user_id) });
  }

  it('GIVEN the bot left a guild THEN its authorized users get 404 AND it leaves their guild list', async () => {
    await botSets(stack.guilds.beta, false);
    try {
      expect((await clients.otherGuildUser.get(`/api/v1/guilds/${stack.guilds.beta}`)).status).toBe(404);
      expect((await clients.otherGuildUser.get('/api/v1/guilds')).body.guilds).toEqual([]);
    } finally {
      await botSets(stack.guilds.beta, true);
    }
  });

  it('GIVEN the guild and the guild list cached on the instance first WHEN the bot leaves THEN the next requests see it at once, AND its return too', async () => {
    const listed = async () => (await clients.otherGuildUser.get('/api/v1/guilds')).body.guilds.map((guild: { guild_id: string }) => guild.guild_id);
    expect((await clients.otherGuildUser.get(`/api/v1/guilds/${stack.guilds.beta}`)).status).toBe(200);
    expect(await listed()).toEqual([stack.guilds.beta]);
    await botSets(stack.guilds.beta, false);
    try {
      expect((await clients.otherGuildUser.get(`/api/v1/guilds/${stack.guilds.beta}`)).status).toBe(404);
      expect(await listed()).toEqual([]);
    } finally {
      await botSets(stack.guilds.beta, true);
    }
    expect((await clients.otherGuildUser.get(`/api/v1/guilds/${stack.guilds.beta}`)).status).toBe(200);
    expect(await listed()).toEqual([stack.guilds.beta]);
  });

  it('GIVEN a cookie-authenticated write without the CSRF header, or with a wrong one THEN 403 BL_ERR_API_CSRF and nothing changes', async () => {
    const path = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    const before = (await clients.authorized.get(`${path}/moderation`)).body.value;
    for (const csrf of [false, 'wrong-token'] as const) {
      const response = await clients.authorized.request('PUT', path, { body: { moderation: { maxWarnings: 9 } }, csrf });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('BL_ERR_API_CSRF');
    }
    // Another user's valid token does not work either: the token is bound to the session.
    const stolen = await clients.authorized.request('PUT', path, { body: { moderation: { maxWarnings: 9 } }, csrf: clients.delegated.csrfToken! });
    expect(stolen.status).toBe(403);
    expect((await clients.authorized.get(`${path}/moderation`)).body.value).toEqual(before);
  });

  it('GIVEN POST /auth/logout THEN anonymous gets 401 AND a signed-in caller without the CSRF header gets 403 and stays signed in', async () => {
    expect((await clients.anonymous.request('POST', '/api/v1/auth/logout')).status).toBe(401);
    const response = await clients.delegated.request('POST', '/api/v1/auth/logout', { csrf: false });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('BL_ERR_API_CSRF');
    expect((await clients.delegated.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('GIVEN malformed path parameters THEN 400 with field paths, never 500', async () => {
    const response = await clients.authorized.get('/api/v1/guilds/not-a-snowflake/settings');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'BL_ERR_API_INVALID_REQUEST', fields: [{ path: 'params.guild_id', message: expect.any(String) }] });
  });
});
