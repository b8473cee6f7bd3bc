import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { createApiStack, REDIRECT_URI, type ApiStack } from '../support/api-stack.js';

describe('Discord login over real HTTP', () => {
  let stack: ApiStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2 });
    baseUrl = await stack.api.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => stack?.close());

  it('GIVEN the authorize URL THEN it points at the configured Discord base with client id, scopes, redirect URI and a state', async () => {
    const client = ApiClient.http(baseUrl);
    const response = await client.get('/api/v1/auth/discord/url');
    expect(response.status).toBe(200);
    const url = new URL(response.body.url);
    expect(url.origin + url.pathname).toBe(`${stack.emulator.restUrl}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: stack.emulator.applicationId,
      scope: 'identify guilds applications.commands.permissions.update',
      redirect_uri: REDIRECT_URI,
      state: response.body.state,
    });
    expect(client.jar.get('bl_oauth_state')).toBe(response.body.state);
  });

  it('GIVEN the whole flow THEN the session cookie is httpOnly and SameSite=Lax AND /auth/me answers the user, guilds and developer flag', async () => {
    const client = ApiClient.http(baseUrl);
    const start = await client.get('/api/v1/auth/discord/url');
    const { code, state } = await ApiClient.authorize(stack.emulator, start.body.url, stack.userIds.alice);
    const done = await client.request('POST', '/api/v1/auth/discord/callback', { body: { code, state } });
    expect(done.status).toBe(200);
    const cookies = done.headers['set-cookie'] as string[];
    const session = cookies.find((cookie) => cookie.startsWith('bl_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
    expect(cookies.find((cookie) => cookie.startsWith('bl_csrf='))).not.toMatch(/HttpOnly/i);
    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { id: stack.userIds.alice, username: 'alice', global_name: 'ALICE' },
      is_developer: false,
      csrf_token: done.body.csrf_token,
    });
    expect(me.body.guilds).toEqual([{ guild_id: stack.guilds.alpha, name: 'Alpha', access: 'authorized', is_initial: false }]);
  });

  it('GIVEN a session made on one instance THEN the other instance accepts it (sessions live in Redis)', async () => {
    const first = await stack.login('owner', 0);
    const second = ApiClient.inject(stack.apis[1]!).withCookiesOf(first);
    const me = await second.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(stack.userIds.owner);
    expect(me.body.guilds[0]).toMatchObject({ guild_id: stack.guilds.alpha, is_initial: true });
  });

  it('GIVEN a member of MAIN_GUILD_ID THEN they are on the developer team AND see every active guild', async () => {
    const dev = await stack.login('dev');
    const me = await dev.get('/api/v1/auth/me');
    expect(me.body.is_developer).toBe(true);
    expect(me.body.guilds.map((guild: { guild_id: string }) => guild.guild_id).sort()).toEqual([stack.guilds.alpha, stack.guilds.beta].sort());
    expect(me.body.guilds.every((guild: { access: string }) => guild.access === 'developer')).toBe(true);
  });

  it('GIVEN a state used once THEN using it again is rejected', async () => {
    const client = ApiClient.http(baseUrl);
    const start = await client.get('/api/v1/auth/discord/url');
    const first = await ApiClient.authorize(stack.emulator, start.body.url, stack.userIds.bob);
    expect((await client.request('POST', '/api/v1/auth/discord/callback', { body: first })).status).toBe(200);
    // A fresh code with the spent state, and the state cookie put back, as an attacker replaying would.
    client.jar.cookies.set('bl_oauth_state', first.state);
    const second = await ApiClient.authorize(stack.emulator, start.body.url, stack.userIds.bob);
    const replay = await client.request('POST', '/api/v1/auth/discord/callback', { body: { code: second.code, state: first.state } });
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('BL_ERR_API_OAUTH_STATE');
  });

  it('GIVEN a forged state, or a real one from another browser THEN the callback is rejected AND no session is made', async () => {
    const victim = ApiClient.http(baseUrl);
    const start = await victim.get('/api/v1/auth/discord/url');
    const { code } = await ApiClient.authorize(stack.emulator, start.body.url, stack.userIds.carol);
    const forged = await victim.request('POST', '/api/v1/auth/discord/callback', { body: { code, state: 'made-up-state' } });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('BL_ERR_API_OAUTH_STATE');

    const attacker = ApiClient.http(baseUrl);
    const attackerStart = await attacker.get('/api/v1/auth/discord/url');
    const attackerGrant = await ApiClient.authorize(stack.emulator, attackerStart.body.url, stack.userIds.mallory);
    const crossBrowser = await victim.request('POST', '/api/v1/auth/discord/callback', { body: attackerGrant });
    expect(crossBrowser.status).toBe(400);
    expect(victim.jar.get('bl_session')).toBeUndefined();
  });

  it('GIVEN a code Discord refuses THEN the callback answers 400 with a coded error and no stack trace', async () => {
    const client = ApiClient.http(baseUrl);
    const start = await client.get('/api/v1/auth/discord/url');
    const response = await client.request('POST', '/api/v1/auth/discord/callback', { body: { code: 'not-a-real-code', state: start.body.state } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'BL_ERR_API_OAUTH_FAILED', message: expect.any(String) } });
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('GIVEN logout on one instance THEN the session is gone on every instance AND the Discord grant is revoked', async () => {
    const client = await stack.login('owner', 0);
    const other = ApiClient.inject(stack.apis[1]!).withCookiesOf(client);
    expect((await other.get('/api/v1/auth/me')).status).toBe(200);
    const logout = await client.request('POST', '/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    expect(client.jar.get('bl_session')).toBeUndefined();
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    const revoked = stack.emulator.requests.filter((request) => request.path.endsWith('/oauth2/token/revoke'));
    expect(revoked.at(-1)?.status).toBe(200);
  });

  it('GIVEN a second login in the same browser THEN the previous session id stops working', async () => {
    const client = await stack.login('owner');
    const stale = ApiClient.inject(stack.api).withCookiesOf(client);
    await client.login(stack.emulator, stack.userIds.owner);
    expect(client.jar.get('bl_session')).not.toBe(stale.jar.get('bl_session'));
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await stale.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('GIVEN a session cookie that was never issued THEN every protected route answers 401', async () => {
    const client = ApiClient.http(baseUrl);
    client.jar.cookies.set('bl_session', 'A'.repeat(43));
    const response = await client.get('/api/v1/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('BL_ERR_API_UNAUTHENTICATED');
  });
});
