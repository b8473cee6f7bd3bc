import type { Caller } from '../../auth/caller.js';
import type { SessionHint } from '../../auth/session-hints.js';
import type { ApiContext } from '../api-context.js';
import type { AnyRouteDefinition } from '../define-route.js';

/**
 * Starts the route's `prefetch` for the user this process last saw behind the session, while the session is still
 * being read; `undefined` when there is no hint or the route prefetches nothing. The promise never rejects unhandled:
 * it is awaited only when the hint proves right (see {@link prefetchedFor}).
 */
export function startPrefetch(definition: AnyRouteDefinition, hint: SessionHint | undefined, api: ApiContext): Promise<unknown> | undefined {
  if (hint === undefined || definition.prefetch === undefined) return undefined;
  const prefetching = definition.prefetch(hint, api);
  prefetching?.catch(() => {});
  return prefetching;
}

/** The prefetched work when the hint it was started for is this very caller (same user, same developer flag). */
export function prefetchedFor(
  caller: Caller | undefined,
  hint: SessionHint | undefined,
  prefetching: Promise<unknown> | undefined,
): Promise<unknown> | undefined {
  return caller !== undefined && hint?.userId === caller.userId && hint.developer === caller.isDeveloper ? prefetching : undefined;
}
