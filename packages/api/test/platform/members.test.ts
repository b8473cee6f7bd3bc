import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('guild members through Discord with the bot token', () => {
  let stack: ApiStack;
  let owner: ApiClient;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2 });
    owner = await stack.login('owner');
  });
  afterAll(() => stack?.close());

  const memberCalls = () => stack.emulator.requests.filter((request) => /\/guilds\/\d+\/members/.test(request.path)).length;

  it('GIVEN pages of members THEN they come with a cursor AND a repeated page is served from the cache on any instance', async () => {
    const path = `/api/v1/guilds/${stack.guilds.alpha}/members?limit=2`;
    const first = await owner.get(path);
    expect(first.status).toBe(200);
    expect(first.body.members).toHaveLength(2);
    expect(first.body.next_after).toBe(first.body.members[1].user_id);
    const calls = memberCalls();
    const other = await stack.login('alice', 1);
    expect((await other.get(path)).body).toEqual(first.body);
    expect(memberCalls()).toBe(calls);
    const rest = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/members?limit=2&after=${first.body.next_after}`);
    expect(rest.body.members.map((member: { user_id: string }) => member.user_id)).not.toContain(first.body.members[0].user_id);
  });

  it('GIVEN a search THEN members whose name starts with the query are returned', async () => {
    const response = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/members?query=mal`);
    expect(response.body.members.map((member: { username: string }) => member.username)).toEqual(['mallory']);
    expect(response.body.next_after).toBeNull();
  });

  it('GIVEN a bad limit THEN 400 names the query field', async () => {
    const response = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/members?limit=1000`);
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].path).toBe('query.limit');
  });
});
