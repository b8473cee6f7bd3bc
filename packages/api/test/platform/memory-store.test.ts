import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

// Development without REDIS_URL: the in-memory key-value store serves sessions and rate limits (one process).
describe('single-process development on the in-memory key-value store', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack({ env: { REDIS_URL: undefined }, api: { rateLimits: { user: { max: 3, windowMs: 60_000 }, guild: false } } });
  });
  afterAll(() => stack?.close());

  it('GIVEN the memory store THEN login, sessions, CSRF and logout work', async () => {
    expect(stack.services[0]!.kv.kind).toBe('memory');
    const owner = await stack.login('owner');
    expect((await owner.get('/api/v1/auth/me')).body.user.username).toBe('owner');
    expect((await owner.request('PUT', `/api/v1/guilds/${stack.guilds.alpha}/settings`, { body: { moderation: { enabled: true } }, csrf: false })).status).toBe(
      403,
    );
    expect((await owner.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await owner.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('GIVEN the memory store THEN rate limits count per user with headers AND the developer team is exempt', async () => {
    const bob = await stack.login('bob');
    const remaining: string[] = [];
    for (let call = 0; call < 3; call += 1) remaining.push(String((await bob.get('/api/v1/guilds')).headers['ratelimit-remaining']));
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await bob.get('/api/v1/guilds');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const dev = await stack.login('dev');
    for (let call = 0; call < 5; call += 1) expect((await dev.get('/api/v1/guilds')).status).toBe(200);
  });
});
