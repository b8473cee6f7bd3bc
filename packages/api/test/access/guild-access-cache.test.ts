import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('guild access and guild lists cached per instance', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    // A long cache, so what the tests see comes from the access version and never from an entry expiring.
    stack = await createApiStack({ instances: 2, api: { caches: { guildAccessTtlMs: 600_000, guildListTtlMs: 600_000 } } });
  });
  afterAll(() => stack?.close());

  const guild = () => `/api/v1/guilds/${stack.guilds.alpha}`;
  const sql = (text: string, values: unknown[]) => stack.db.fork().getConnection().execute(text, values);

  it('GIVEN grants cached by an instance THEN a grant written outside the API (the bot adding its initial user) is honoured at once', async () => {
    const mallory = await stack.login('mallory', 1);
    const owner = await stack.login('owner', 1);
    expect((await mallory.get(guild())).status).toBe(403);
    expect((await owner.get(guild())).status).toBe(200);

    await sql('insert into authorized_users (guild_id, user_id, is_initial) values (?, ?, false)', [stack.guilds.alpha, stack.userIds.mallory]);
    expect((await mallory.get(guild())).status).toBe(200);
    await sql('delete from authorized_users where guild_id = ? and user_id = ?', [stack.guilds.alpha, stack.userIds.mallory]);
  });

  it('GIVEN grants cached by an instance THEN a revocation outside the API is not seen until a change through the API renews the version on every instance', async () => {
    const alice = await stack.login('alice', 1);
    const owner = await stack.login('owner', 0);
    expect((await alice.get(guild())).status).toBe(200);

    await sql('update authorized_users set is_active = false where guild_id = ? and user_id = ?', [stack.guilds.alpha, stack.userIds.alice]);
    // Served from the cache: nothing told the API.
    expect((await alice.get(guild())).status).toBe(200);

    // Any grant or revocation through the API, on another instance, renews the guild's access version.
    expect((await owner.request('POST', `${guild()}/authorized-users`, { body: { user_id: stack.userIds.mallory } })).status).toBe(201);
    expect((await alice.get(guild())).status).toBe(403);
  });

  it('GIVEN a guild list cached by an instance THEN grants and revocations on another instance change it at once, AND a rename outside the API does not', async () => {
    const mallory = await stack.login('mallory', 1);
    const owner = await stack.login('owner', 0);
    const listed = async () =>
      (await mallory.get('/api/v1/guilds')).body.guilds.map((entry: { guild_id: string; name: string }) => `${entry.guild_id}:${entry.name}`);
    // Granted through the API by the test above.
    expect(await listed()).toEqual([`${stack.guilds.alpha}:Alpha`]);

    await sql('update guilds set guild_name = ? where guild_id = ?', ['Alpha renamed', stack.guilds.alpha]);
    expect(await listed()).toEqual([`${stack.guilds.alpha}:Alpha`]);

    expect((await owner.request('DELETE', `${guild()}/authorized-users/${stack.userIds.mallory}`)).status).toBe(204);
    expect(await listed()).toEqual([]);
    expect((await owner.request('POST', `${guild()}/authorized-users`, { body: { user_id: stack.userIds.mallory } })).status).toBe(201);
    expect(await listed()).toEqual([`${stack.guilds.alpha}:Alpha renamed`]);
  });

  it('GIVEN GET /guilds started early for the user this instance last saw on the session THEN a session ended elsewhere still answers 401', async () => {
    const uncached = await createApiStack({ instances: 2 });
    try {
      const owner = await uncached.login('owner', 0);
      expect((await owner.get('/api/v1/guilds')).body.guilds.map((entry: { guild_id: string }) => entry.guild_id)).toEqual([uncached.guilds.alpha]);
      const sameBrowserOnFirst = ApiClient.inject(uncached.apis[0]!).withCookiesOf(owner);
      const sameBrowserOnSecond = ApiClient.inject(uncached.apis[1]!).withCookiesOf(owner);
      expect((await sameBrowserOnSecond.request('POST', '/api/v1/auth/logout')).status).toBe(204);
      const after = await sameBrowserOnFirst.get('/api/v1/guilds');
      expect(after.status).toBe(401);
      expect(after.body.guilds).toBeUndefined();
    } finally {
      await uncached.close();
    }
  });

  it('GIVEN caches.guildListTtlMs 0 AND many users at once THEN each gets the list it gets alone (the reads of one turn share one query)', async () => {
    const uncached = await createApiStack({ api: { caches: { guildListTtlMs: 0 } } });
    try {
      const people = ['owner', 'alice', 'bob', 'carol', 'mallory', 'dev'] as const;
      const clients = await Promise.all(people.map((person) => uncached.login(person)));
      const ids = (body: { guilds: Array<{ guild_id: string; access: string }> }) => body.guilds.map((entry) => `${entry.guild_id}:${entry.access}`);
      const alone: string[][] = [];
      for (const client of clients) alone.push(ids((await client.get('/api/v1/guilds')).body));
      expect(alone.slice(0, 5)).toEqual([
        [`${uncached.guilds.alpha}:authorized`],
        [`${uncached.guilds.alpha}:authorized`],
        [`${uncached.guilds.beta}:authorized`],
        [],
        [],
      ]);
      // Every list at once, each user twice, and /auth/me among them: the same answers.
      const together = await Promise.all([...clients, ...clients].map((client) => client.get('/api/v1/guilds')));
      expect(together.map((response) => response.status)).toEqual(together.map(() => 200));
      expect(together.map((response) => ids(response.body))).toEqual([...alone, ...alone]);
      const me = await Promise.all(clients.map((client) => client.get('/api/v1/auth/me')));
      expect(me.map((response) => ids(response.body))).toEqual(alone);
    } finally {
      await uncached.close();
    }
  });

  it('GIVEN caches.guildAccessTtlMs 0 THEN grants and the guild state are read on every request', async () => {
    const uncached = await createApiStack({ api: { caches: { guildAccessTtlMs: 0 } } });
    try {
      const owner = await uncached.login('owner');
      expect((await owner.get(`/api/v1/guilds/${uncached.guilds.alpha}`)).status).toBe(200);
      await uncached.db.fork().getConnection().execute('update guilds set is_active = false where guild_id = ?', [uncached.guilds.alpha]);
      expect((await owner.get(`/api/v1/guilds/${uncached.guilds.alpha}`)).status).toBe(404);
    } finally {
      await uncached.close();
    }
  });
});
