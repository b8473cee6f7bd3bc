import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('delegated access across two API instances', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let mallory: ApiClient;
  let malloryOnSecond: ApiClient;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2 });
    owner = await stack.login('owner', 0);
    mallory = await stack.login('mallory', 1);
    malloryOnSecond = mallory;
  });
  afterAll(() => stack?.close());

  const users = (guild = stack.guilds.alpha) => `/api/v1/guilds/${guild}/authorized-users`;

  it('GIVEN a grant on instance 0 THEN the grantee has access on instance 1 at once AND a revoke removes it at once', async () => {
    const guild = `/api/v1/guilds/${stack.guilds.alpha}`;
    expect((await malloryOnSecond.get(guild)).status).toBe(403);

    const grant = await owner.request('POST', users(), { body: { user_id: stack.userIds.mallory } });
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ user_id: stack.userIds.mallory, granted_by_user_id: stack.userIds.owner, is_active: true, is_initial: false });
    expect((await malloryOnSecond.get(guild)).status).toBe(200);
    expect((await malloryOnSecond.get('/api/v1/guilds')).body.guilds.map((entry: { guild_id: string }) => entry.guild_id)).toEqual([stack.guilds.alpha]);

    const revoke = await owner.request('DELETE', `${users()}/${stack.userIds.mallory}`);
    expect(revoke.status).toBe(204);
    expect((await malloryOnSecond.get(guild)).status).toBe(403);

    const history = await owner.get(`${users()}?include_revoked=true`);
    expect(history.body.users.find((user: { user_id: string }) => user.user_id === stack.userIds.mallory)).toMatchObject({
      is_active: false,
      revoked_by_user_id: stack.userIds.owner,
    });
    expect((await owner.get(users())).body.users.map((user: { user_id: string }) => user.user_id)).not.toContain(stack.userIds.mallory);
  });

  it('GIVEN a delegated user THEN they may grant and revoke too, but never the initial user', async () => {
    const alice = await stack.login('alice', 1);
    expect((await alice.request('POST', users(), { body: { user_id: stack.userIds.mallory } })).status).toBe(201);
    expect((await alice.request('POST', users(), { body: { user_id: stack.userIds.mallory } })).status).toBe(409);
    expect((await alice.request('DELETE', `${users()}/${stack.userIds.mallory}`)).status).toBe(204);

    const initial = await alice.request('DELETE', `${users()}/${stack.userIds.owner}`);
    expect(initial.status).toBe(409);
    expect(initial.body.error.code).toBe('BL_ERR_API_INITIAL_USER');
    expect((await owner.get(`/api/v1/guilds/${stack.guilds.alpha}`)).status).toBe(200);
  });

  it('GIVEN a grantee who is not a member of the guild THEN 422 names the field AND nothing is granted', async () => {
    const response = await owner.request('POST', users(), { body: { user_id: stack.userIds.carol } });
    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([{ path: 'body.user_id', message: 'not a member of this guild' }]);
    const rows = await stack.db.fork().getConnection().execute('select 1 from authorized_users where user_id = ?', [stack.userIds.carol]);
    expect(rows).toHaveLength(0);
  });

  it('GIVEN a malformed grant body THEN 422 with field paths', async () => {
    const response = await owner.request('POST', users(), { body: { user_id: 'abc' } });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'BL_ERR_API_VALIDATION', fields: [{ path: 'body.user_id' }] });
  });

  it('GIVEN grants and revocations THEN the audit log says who did what to whom, newest first', async () => {
    const log = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log?action=access.grant`);
    expect(log.status).toBe(200);
    expect(log.body.entries.length).toBeGreaterThanOrEqual(2);
    expect(log.body.entries.every((entry: { action: string }) => entry.action === 'access.grant')).toBe(true);
    const all = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`);
    const [latest] = all.body.entries;
    expect(latest).toMatchObject({ action: 'access.revoke', actor_user_id: stack.userIds.alice, target: stack.userIds.mallory });
    expect(Date.parse(latest.created_at)).not.toBeNaN();
    const ids = all.body.entries.map((entry: { id: string }) => BigInt(entry.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    // Another guild's log does not show these entries.
    const bob = await stack.login('bob');
    expect((await bob.get(`/api/v1/guilds/${stack.guilds.beta}/audit-log`)).body.entries).toEqual([]);
  });
});
