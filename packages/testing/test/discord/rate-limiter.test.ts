import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../src/discord/rest/rate-limiter.js';

const ROUTE = '/interactions/:id/:token/callback';

describe('Discord emulator rate limiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GIVEN hundreds of per-interaction buckets WHEN expired ones are swept THEN a live bucket keeps its count', () => {
    const limiter = new RateLimiter(2, 1000, 10);
    expect(limiter.take('POST', '/interactions/1/a/callback', ROUTE, 'live').limited).toBeNull();
    expect(limiter.take('POST', '/interactions/1/a/callback', ROUTE, 'live').limited).toBeNull();
    // Expired buckets by the hundred, then more requests in the next window, which sweep them.
    for (let index = 0; index < 400; index++) limiter.take('POST', `/interactions/${index}/t/callback`, ROUTE, `old${index}`);
    vi.advanceTimersByTime(1500);
    expect(limiter.take('POST', '/interactions/2/b/callback', ROUTE, 'fresh').limited).toBeNull();
    expect(limiter.take('POST', '/interactions/2/b/callback', ROUTE, 'fresh').limited).toBeNull();
    for (let index = 0; index < 400; index++) limiter.take('POST', `/interactions/${index}/u/callback`, ROUTE, `new${index}`);
    const third = limiter.take('POST', '/interactions/2/b/callback', ROUTE, 'fresh');
    expect(third.limited).toMatchObject({ global: false, scope: 'user' });
    expect(third.headers['x-ratelimit-remaining']).toBe('0');
  });

  it('GIVEN an exhausted bucket WHEN its window passes THEN requests are counted afresh', () => {
    const limiter = new RateLimiter(1, 1000, 10);
    expect(limiter.take('GET', '/channels/1', '/channels/:id', '1').limited).toBeNull();
    expect(limiter.take('GET', '/channels/1', '/channels/:id', '1').limited).not.toBeNull();
    vi.advanceTimersByTime(1000);
    const next = limiter.take('GET', '/channels/1', '/channels/:id', '1');
    expect(next.limited).toBeNull();
    expect(next.headers['x-ratelimit-remaining']).toBe('0');
  });
});
