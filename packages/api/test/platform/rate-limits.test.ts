import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('rate limits shared by two API instances over real HTTP', () => {
  let stack: ApiStack;
  let urls: string[];

  beforeAll(async () => {
    stack = await createApiStack({
      instances: 2,
      api: {
        rateLimits: {
          user: { max: 5, windowMs: 60_000 },
          guild: { max: 8, windowMs: 60_000 },
          anonymous: { max: 3, windowMs: 60_000 },
          global: { max: 10_000, windowMs: 60_000 },
        },
      },
    });
    urls = [await stack.apis[0]!.listen({ host: '127.0.0.1', port: 0 }), await stack.apis[1]!.listen({ host: '127.0.0.1', port: 0 })];
  });
  afterAll(() => stack?.close());

  it('GIVEN one user calling both instances THEN one budget is spent AND the sixth call gets 429 with Retry-After and both header families', async () => {
    const login = await stack.login('bob');
    const clients = urls.map((url) => ApiClient.http(url).withCookiesOf(login));
    const remaining: string[] = [];
    for (let call = 0; call < 5; call += 1) {
      const response = await clients[call % 2]!.get('/api/v1/guilds');
      expect(response.status).toBe(200);
      remaining.push(String(response.headers['ratelimit-remaining']));
      expect(response.headers['x-ratelimit-remaining']).toBe(response.headers['ratelimit-remaining']);
      expect(response.headers['ratelimit-limit']).toBe('5');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await clients[1]!.get('/api/v1/guilds');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('BL_ERR_API_RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
  });

  it('GIVEN two users of one guild THEN the per-guild budget is shared between them', async () => {
    const owner = ApiClient.http(urls[0]!).withCookiesOf(await stack.login('owner'));
    const alice = ApiClient.http(urls[1]!).withCookiesOf(await stack.login('alice'));
    const path = `/api/v1/guilds/${stack.guilds.alpha}`;
    const statuses: number[] = [];
    for (let call = 0; call < 4; call += 1) statuses.push((await owner.get(path)).status, (await alice.get(path)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    const ninth = await owner.get(path);
    expect(ninth.status).toBe(429);
    expect(ninth.headers['ratelimit-limit']).toBe('8');
  });

  it('GIVEN anonymous callers THEN they are limited per IP', async () => {
    const statuses: number[] = [];
    for (let call = 0; call < 4; call += 1) statuses.push((await ApiClient.http(urls[call % 2]!).get('/api/v1/auth/discord/url')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('GIVEN the developer team THEN no limit applies and no rate-limit headers are sent', async () => {
    const dev = ApiClient.http(urls[0]!).withCookiesOf(await stack.login('dev'));
    for (let call = 0; call < 8; call += 1) {
      const response = await dev.get('/api/v1/guilds');
      expect(response.status).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});
