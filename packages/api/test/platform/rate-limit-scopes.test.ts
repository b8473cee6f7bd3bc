import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('rate limits: who spends which budget', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack({
      api: {
        rateLimits: {
          user: { max: 15, windowMs: 60_000 },
          guild: { max: 20, windowMs: 60_000 },
          anonymous: { max: 3, windowMs: 60_000 },
          global: { max: 10_000, windowMs: 60_000 },
        },
      },
    });
  });
  afterAll(() => stack?.close());

  const counter = async (key: string) => Number((await stack.services[0]!.kv.get(`ratelimit:${key}`)) ?? 0);

  it("GIVEN an anonymous flood and an unauthorized user's flood at a guild's route THEN its authorized user's budget is untouched", async () => {
    const path = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    const refused: number[] = [];
    for (let call = 0; call < 30; call += 1) refused.push((await ApiClient.inject(stack.api, `10.9.0.${call + 1}`).get(path)).status);
    const mallory = await stack.login('mallory');
    for (let call = 0; call < 20; call += 1) refused.push((await mallory.get(path)).status);
    expect(new Set(refused)).toEqual(new Set([401, 403, 429]));
    expect(await counter(`guild:${stack.guilds.alpha}`)).toBe(0);

    const owner = await stack.login('owner');
    const response = await owner.get(path);
    expect(response.status).toBe(200);
    expect(await counter(`guild:${stack.guilds.alpha}`)).toBe(1);
  });

  it('GIVEN a user over their own limit THEN their refused requests spend neither the guild nor the global budget', async () => {
    await stack.db
      .fork()
      .getConnection()
      .execute('insert into authorized_users (guild_id, user_id, granted_by_user_id) values (?, ?, ?)', [
        stack.guilds.beta,
        stack.userIds.alice,
        stack.userIds.bob,
      ]);
    const path = `/api/v1/guilds/${stack.guilds.beta}`;
    const bob = await stack.login('bob');
    const statuses: number[] = [];
    for (let call = 0; call < 15; call += 1) statuses.push((await bob.get(path)).status);
    const globalBefore = await counter('global');
    for (let call = 0; call < 5; call += 1) statuses.push((await bob.get(path)).status);
    expect(statuses).toEqual([...Array(15).fill(200), ...Array(5).fill(429)]);
    expect(await counter('global')).toBe(globalBefore);

    const alice = await stack.login('alice');
    const response = await alice.get(path);
    expect(response.status).toBe(200);
    expect(response.headers['ratelimit-limit']).toBe('20');
    expect(response.headers['ratelimit-remaining']).toBe('4');
  });

  it('GIVEN a user this instance held as authorized WHEN their grant is revoked THEN their refused requests give the guild count back', async () => {
    const owner = await stack.login('owner');
    const path = `/api/v1/guilds/${stack.guilds.alpha}`;
    const alice = await stack.login('alice');
    expect((await alice.get(path)).status).toBe(200);
    expect((await owner.request('DELETE', `/api/v1/guilds/${stack.guilds.alpha}/authorized-users/${stack.userIds.alice}`)).status).toBe(204);
    const before = await counter(`guild:${stack.guilds.alpha}`);
    for (let call = 0; call < 3; call += 1) expect((await alice.get(path)).status).toBe(403);
    expect(await counter(`guild:${stack.guilds.alpha}`)).toBe(before);
  });
});
