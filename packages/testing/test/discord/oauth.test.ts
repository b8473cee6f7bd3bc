import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../src/index.js';
import { ALL_PERMISSIONS } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

const redirectUri = 'http://127.0.0.1:9/callback';

describe('Discord emulator OAuth2', () => {
  let emulator: DiscordEmulator;

  beforeEach(async () => {
    emulator = await testEmulator({ application: { redirectUris: [redirectUri] } });
  });

  afterEach(async () => {
    await emulator.close();
  });

  function authorizeUrl(params: Record<string, string>): string {
    const query = new URLSearchParams({ client_id: emulator.applicationId, ...params });
    return `${emulator.url}/oauth2/authorize?${query.toString()}`;
  }

  async function authorizeAs(userId: string, scope = 'identify guilds'): Promise<string> {
    const response = await fetch(authorizeUrl({ response_type: 'code', scope, state: 's1', redirect_uri: redirectUri, user_id: userId }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('s1');
    return location.searchParams.get('code')!;
  }

  async function token(form: Record<string, string>): Promise<Response> {
    return fetch(`${emulator.restUrl}/v10/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: emulator.applicationId, client_secret: emulator.clientSecret, ...form }),
    });
  }

  async function guildsOf(userName: string) {
    const code = await authorizeAs(seededGuild(emulator).user(userName).id);
    const grant = (await (await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })).json()) as { access_token: string };
    const response = await fetch(`${emulator.restUrl}/v10/users/@me/guilds`, { headers: { authorization: `Bearer ${grant.access_token}` } });
    return (await response.json()) as { id: string; owner: boolean; permissions: string }[];
  }

  it('GIVEN no user chosen THEN authorize shows a picker listing the emulated users', async () => {
    const page = await (await fetch(authorizeUrl({ response_type: 'code', scope: 'identify', redirect_uri: redirectUri }))).text();
    expect(page).toContain('@alice');
    expect(page).toContain('@owner');
  });

  it('GIVEN a code THEN it is exchanged once for tokens AND @me answers with the user', async () => {
    const alice = seededGuild(emulator).user('alice');
    const code = await authorizeAs(alice.id, 'identify email');
    const response = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    const grant = (await response.json()) as Record<string, string>;
    expect(grant).toMatchObject({ token_type: 'Bearer', scope: 'identify email', expires_in: 604800 });
    const me = await (await fetch(`${emulator.restUrl}/v10/users/@me`, { headers: { authorization: `Bearer ${grant['access_token']}` } })).json();
    expect(me).toMatchObject({ id: alice.id, username: 'alice', email: 'alice@example.test' });
    const reused = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('GIVEN a refresh THEN tokens rotate AND the old refresh token is rejected AND revoke kills the grant', async () => {
    const code = await authorizeAs(seededGuild(emulator).user('bob').id, 'identify');
    const first = (await (await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })).json()) as Record<string, string>;
    const second = (await (await token({ grant_type: 'refresh_token', refresh_token: first['refresh_token']! })).json()) as Record<string, string>;
    expect(second['refresh_token']).not.toBe(first['refresh_token']);
    expect((await token({ grant_type: 'refresh_token', refresh_token: first['refresh_token']! })).status).toBe(400);
    const revoke = await fetch(`${emulator.restUrl}/oauth2/token/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${emulator.applicationId}:${emulator.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: second['refresh_token']!, token_type_hint: 'refresh_token' }),
    });
    expect(revoke.status).toBe(200);
    const me = await fetch(`${emulator.restUrl}/v10/users/@me`, { headers: { authorization: `Bearer ${second['access_token']}` } });
    expect(me.status).toBe(401);
  });

  it('GIVEN owner, admin-by-role and plain member THEN /users/@me/guilds permissions follow Discord rules', async () => {
    const { guild } = seededGuild(emulator);
    emulator.setMemberRoles(guild.id, 'bob', ['Admin']);
    const owner = (await guildsOf('owner')).find((entry) => entry.id === guild.id)!;
    expect(owner).toMatchObject({ owner: true, permissions: ALL_PERMISSIONS.toString() });
    expect((await guildsOf('bob')).find((entry) => entry.id === guild.id)!.permissions).toBe(ALL_PERMISSIONS.toString());
    const alice = (await guildsOf('alice')).find((entry) => entry.id === guild.id)!;
    expect(alice).toMatchObject({ owner: false, permissions: (2147552256n | 162n).toString() });
    expect((await guildsOf('carol')).some((entry) => entry.id === guild.id)).toBe(false);
  });

  it('GIVEN a bot install by a user with MANAGE_GUILD THEN the bot joins, GUILD_CREATE reaches the client AND BOT_ADD names the installer', async () => {
    const carol = seededGuild(emulator).user('carol');
    const target = emulator.addGuild({ name: 'Carol land', owner: 'carol', bot: false });
    const client = testClient(emulator);
    try {
      await loginReady(client, emulator.botToken);
      const joined = new Promise<string>((resolve) => client.once('guildCreate', (guild) => resolve(guild.id)));
      const response = await fetch(authorizeUrl({ scope: 'bot applications.commands', guild_id: target.id, permissions: '8', user_id: carol.id }));
      expect(response.status).toBe(200);
      expect(await joined).toBe(target.id);
      const logs = await client.guilds.cache.get(target.id)!.fetchAuditLogs({ type: 28 });
      expect(logs.entries.first()?.executorId).toBe(carol.id);
      expect(emulator.botRole(target.id)?.permissions).toBe(8n);
    } finally {
      await client.destroy();
    }
  });

  it('GIVEN autoApproveUserId THEN authorize redirects at once', async () => {
    await emulator.close();
    emulator = await testEmulator({ oauth: { autoApproveUserId: 'alice' } });
    const response = await fetch(authorizeUrl({ response_type: 'code', scope: 'identify', state: 'x', redirect_uri: redirectUri }), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location')!).searchParams.get('code')).toMatch(/^emu_code_/);
  });
});
