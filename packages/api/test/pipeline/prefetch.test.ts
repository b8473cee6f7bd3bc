import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../src/http/api-context.js';
import { defineRoute, type AnyRouteDefinition } from '../../src/http/define-route.js';
import { prefetchedFor, startPrefetch } from '../../src/http/pipeline/prefetch.js';
import { testCaller } from '../support/test-caller.js';

function routeThatPrefetches(work: () => Promise<unknown> | undefined): AnyRouteDefinition {
  return defineRoute({ method: 'GET', url: '/x', summary: 'x', access: 'user', responses: { 200: null }, prefetch: work, handler: () => undefined });
}

describe('startPrefetch', () => {
  const api = {} as ApiContext;

  it('GIVEN no hint or a route without prefetch THEN nothing starts', () => {
    let started = 0;
    expect(
      startPrefetch(
        routeThatPrefetches(async () => (started += 1)),
        undefined,
        api,
      ),
    ).toBeUndefined();
    expect(
      startPrefetch(
        defineRoute({ method: 'GET', url: '/y', summary: 'y', access: 'user', responses: { 200: null }, handler: () => undefined }),
        { userId: 'a', developer: false },
        api,
      ),
    ).toBeUndefined();
    expect(started).toBe(0);
  });

  it('GIVEN a hint THEN the work starts at once AND a failure of it is never an unhandled rejection', async () => {
    const failing = startPrefetch(
      routeThatPrefetches(() => Promise.reject(new Error('down'))),
      { userId: 'a', developer: false },
      api,
    );
    expect(failing).toBeDefined();
    await expect(failing).rejects.toThrow('down');
  });
});

describe('prefetchedFor', () => {
  const work = Promise.resolve('guilds of alice');

  it('GIVEN the caller is the hinted user with the same developer flag THEN the prefetched work is handed over', () => {
    expect(prefetchedFor(testCaller('alice'), { userId: 'alice', developer: false }, work)).toBe(work);
  });

  it('GIVEN another user, a changed developer flag or no caller THEN the prefetched work is ignored', () => {
    expect(prefetchedFor(testCaller('bob'), { userId: 'alice', developer: false }, work)).toBeUndefined();
    expect(prefetchedFor(testCaller('alice', { isDeveloper: true }), { userId: 'alice', developer: false }, work)).toBeUndefined();
    expect(prefetchedFor(undefined, { userId: 'alice', developer: false }, work)).toBeUndefined();
  });
});
