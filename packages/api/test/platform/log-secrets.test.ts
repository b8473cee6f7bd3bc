import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

// Every stack's close() also checks its own logs; this suite makes the check visible and proves it is not vacuous.
describe('secrets never reach the logs', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2 });
    const owner = await stack.login('owner', 0);
    await owner.request('PUT', `/api/v1/guilds/${stack.guilds.alpha}/settings`, { body: { greeter: { greeting: 'Hi' } } });
    await owner.request('POST', `/api/v1/guilds/${stack.guilds.alpha}/authorized-users`, { body: { user_id: stack.userIds.mallory } });
    await owner.request('POST', '/api/v1/auth/discord/callback', { body: { code: 'bogus-code-1234', state: 'bogus-state-1234' } });
    await (await stack.login('dev', 1)).get('/api/v1/shards');
    const leaving = await stack.login('alice', 1);
    await leaving.request('POST', '/api/v1/auth/logout');
  });
  afterAll(() => stack?.close());

  it('GIVEN logins, writes, failures and logouts on two instances at debug level THEN no secret handled appears in any log line', async () => {
    const kinds = new Set((await stack.secretsSeen()).map((secret) => secret.kind));
    expect([...kinds].sort()).toEqual(['config secret', 'csrf token', 'discord access token', 'discord refresh token', 'oauth code or state', 'session id']);
    const lines = stack.logs.lines;
    expect(lines.filter((line) => line.msg === 'request completed').length).toBeGreaterThan(10);
    expect(lines.some((line) => line.msg === 'user signed in')).toBe(true);
    expect(await stack.leakedSecrets()).toEqual([]);
  });

  it('GIVEN request log lines THEN they carry the route pattern, not ids from the URL', () => {
    const routes = stack.logs.lines.filter((line) => line.msg === 'request completed').map((line) => String(line.route));
    expect(routes).toContain('/api/v1/guilds/:guild_id/settings');
    expect(routes.some((route) => /\d{17}/.test(route))).toBe(false);
  });
});
