import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../src/index.js';
import { seededGuild, testEmulator } from './fixtures.js';

// OAuth2 requests a dashboard gets wrong, and what a bearer token may read: each refusal as Discord words it
// (an HTML error page on authorize, `{ error }` JSON on token and revoke, 401 on user routes).

const redirectUri = 'http://127.0.0.1:9/callback';
let emulator: DiscordEmulator;
let ids: { owner: string; bob: string; carol: string; guild: string };

beforeAll(async () => {
  emulator = await testEmulator({ application: { redirectUris: [redirectUri] } });
  const seeded = seededGuild(emulator);
  ids = { owner: seeded.user('owner').id, bob: seeded.user('bob').id, carol: seeded.user('carol').id, guild: seeded.guild.id };
});
afterAll(() => emulator.close());

function authorize(params: Record<string, string>) {
  const query = new URLSearchParams({ client_id: emulator.applicationId, ...params });
  return fetch(`${emulator.url}/oauth2/authorize?${query.toString()}`, { redirect: 'manual' });
}

function token(form: Record<string, string>, init: { contentType?: string; basic?: boolean } = {}) {
  const credentials = { client_id: emulator.applicationId, client_secret: emulator.clientSecret };
  const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' };
  if (init.basic) headers.authorization = `Basic ${Buffer.from(`${credentials.client_id}:${credentials.client_secret}`).toString('base64')}`;
  const body = new URLSearchParams({ ...(init.basic ? {} : credentials), ...form });
  return fetch(`${emulator.restUrl}/v10/oauth2/token`, {
    method: 'POST',
    headers,
    body: init.contentType === 'application/json' ? JSON.stringify(Object.fromEntries(body)) : body,
  });
}

async function accessToken(userId: string, scope: string): Promise<string> {
  const response = await authorize({ response_type: 'code', scope, redirect_uri: redirectUri, user_id: userId });
  const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
  return ((await (await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })).json()) as { access_token: string }).access_token;
}

const asUser = (accessTokenValue: string, path: string) =>
  fetch(`${emulator.restUrl}/v10${path}`, { headers: { authorization: `Bearer ${accessTokenValue}` } });

describe('authorize refusals', () => {
  it.each([
    [{ client_id: '1', scope: 'identify' }, 'Unknown client_id.'],
    [{ scope: '' }, 'No scope given.'],
    [{ scope: 'identify', response_type: 'code' }, 'redirect_uri is required.'],
    [{ scope: 'identify', response_type: 'code', redirect_uri: 'http://127.0.0.1:9/other' }, 'Invalid redirect_uri.'],
    [{ scope: 'bot', user_id: 'owner' }, 'guild_id must name an emulated guild.'],
  ])('GIVEN %j THEN a 400 page says %s', async (params, message) => {
    const response = await authorize(params);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it('GIVEN a user without MANAGE_GUILD installing the bot THEN the page names the missing permission', async () => {
    const response = await authorize({ scope: 'bot', user_id: 'bob', guild_id: ids.guild });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('bob lacks MANAGE_GUILD in Baseline Test.');
  });

  it('GIVEN deny THEN the redirect carries access_denied and the state, or without a redirect a cancelled page', async () => {
    const denied = await authorize({ scope: 'identify', response_type: 'code', redirect_uri: redirectUri, state: 'abc', deny: '1' });
    const location = new URL(denied.headers.get('location')!);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: 'access_denied', state: 'abc' });
    const cancelled = await authorize({ scope: 'identify', deny: '1' });
    expect(await cancelled.text()).toContain('Authorization cancelled.');
  });

  it('GIVEN an implicit approval without a redirect THEN an authorized page, no code', async () => {
    const response = await authorize({ scope: 'identify', user_id: 'bob' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Authorized as bob.');
  });

  it('GIVEN the owner installing the bot with permissions THEN the redirect and the token carry the guild', async () => {
    const response = await authorize({
      scope: 'bot identify',
      response_type: 'code',
      redirect_uri: redirectUri,
      user_id: 'owner',
      guild_id: ids.guild,
      permissions: '2048',
    });
    const params = new URL(response.headers.get('location')!).searchParams;
    expect(params.get('guild_id')).toBe(ids.guild);
    expect(params.get('permissions')).toBe('2048');
    const grant = (await (await token({ grant_type: 'authorization_code', code: params.get('code')!, redirect_uri: redirectUri })).json()) as Record<
      string,
      unknown
    >;
    expect(grant).toMatchObject({ guild: { id: ids.guild }, refresh_token: expect.any(String) });
  });
});

describe('token and revoke refusals', () => {
  it.each([
    [{ grant_type: 'authorization_code' }, 400, 'invalid_request'],
    [{ grant_type: 'refresh_token' }, 400, 'invalid_request'],
    [{ grant_type: 'password' }, 400, 'unsupported_grant_type'],
    [{}, 400, 'unsupported_grant_type'],
  ])('GIVEN %j THEN %i %s', async (form, status, code) => {
    const response = await token(form);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: code });
  });

  it('GIVEN a JSON body or a wrong secret THEN invalid_request and invalid_client', async () => {
    const json = await token({ grant_type: 'client_credentials' }, { contentType: 'application/json' });
    expect([json.status, ((await json.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
    const wrong = await fetch(`${emulator.restUrl}/v10/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: emulator.applicationId, client_secret: 'nope', grant_type: 'client_credentials' }),
    });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([401, 'invalid_client']);
  });

  it('GIVEN client credentials over HTTP Basic for an application without an owner THEN invalid_grant, AND revoke needs a token', async () => {
    const response = await token({ grant_type: 'client_credentials', scope: 'identify guilds' }, { basic: true });
    expect([response.status, ((await response.json()) as { error: string }).error]).toEqual([400, 'invalid_grant']);
    const grant = { access_token: await accessToken(ids.bob, 'identify') };

    const revoke = (form: Record<string, string>) =>
      fetch(`${emulator.restUrl}/v10/oauth2/token/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: emulator.applicationId, client_secret: emulator.clientSecret, ...form }),
      });
    expect((await revoke({})).status).toBe(400);
    expect((await revoke({ token: grant.access_token })).status).toBe(200);
    expect((await asUser(grant.access_token, '/users/@me')).status).toBe(401);
  });
});

describe('what a bearer token reads', () => {
  it('GIVEN identify without email THEN /users/@me has no email AND /oauth2/@me lists the grant', async () => {
    const value = await accessToken(ids.bob, 'identify');
    const me = (await (await asUser(value, '/users/@me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ id: ids.bob, verified: expect.any(Boolean) });
    expect(me).not.toHaveProperty('email');
    const withEmail = (await (await asUser(await accessToken(ids.bob, 'identify email'), '/users/@me')).json()) as Record<string, unknown>;
    expect(withEmail).toHaveProperty('email');
    expect(await (await asUser(value, '/oauth2/@me')).json()).toMatchObject({ scopes: ['identify'], user: { id: ids.bob } });
    // Without the guilds scope the guild list is refused.
    expect((await asUser(value, '/users/@me/guilds')).status).toBe(401);
  });

  it('GIVEN guilds with counts and paging THEN the list follows after, before and limit', async () => {
    const second = emulator.addGuild({ name: 'Second', owner: 'bob' });
    const value = await accessToken(ids.bob, 'guilds');
    const all = (await (await asUser(value, '/users/@me/guilds?with_counts=true')).json()) as Array<{
      id: string;
      owner: boolean;
      approximate_member_count: number;
    }>;
    expect(all.map((guild) => guild.id)).toEqual([ids.guild, second.id]);
    expect(all[1]).toMatchObject({ owner: true, approximate_member_count: expect.any(Number) });
    expect(((await (await asUser(value, `/users/@me/guilds?after=${ids.guild}`)).json()) as Array<{ id: string }>).map((guild) => guild.id)).toEqual([
      second.id,
    ]);
    expect(((await (await asUser(value, `/users/@me/guilds?before=${second.id}&limit=1`)).json()) as Array<{ id: string }>).map((guild) => guild.id)).toEqual([
      ids.guild,
    ]);
  });

  it('GIVEN guilds.members.read THEN the member of a guild is read AND unknown guilds and non-members answer their codes', async () => {
    const value = await accessToken(ids.carol, 'guilds.members.read');
    expect(await (await asUser(value, `/users/@me/guilds/${ids.guild}/member`)).json()).toMatchObject({ code: 10007 });
    expect(await (await asUser(value, '/users/@me/guilds/1/member')).json()).toMatchObject({ code: 10004 });
    const member = await accessToken(ids.bob, 'guilds.members.read');
    expect(await (await asUser(member, `/users/@me/guilds/${ids.guild}/member`)).json()).toMatchObject({ user: { id: ids.bob } });
  });
});
