import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../errors/api-error.js';
import { rateLimitedError, rateLimitHeaders } from '../rate-limit/rate-limiter.js';
import type { ApiContext } from './api-context.js';

/**
 * Counts requests refused before a route's pipeline ran (a malformed or oversized body, an unsupported media type,
 * an unknown route, a path parameter over Fastify's length limit), so the rate limits hold for every request as the
 * README promises: a caller over a limit gets 429 instead of the refusal.
 */
export interface RejectionCounter {
  /** Records that the route pipeline counted (or deliberately did not count) this request. */
  markCounted(request: FastifyRequest): void;
  /**
   * Counts `request` against the caller's own scope and the global one unless it was counted already or its route
   * is not rate limited; returns the 429 to answer instead when it is over a limit, and otherwise sets the
   * `RateLimit-*` headers.
   *
   * @param sessionCookie - the session cookie's value (requests refused by the router have no parsed cookies)
   */
  count(request: FastifyRequest, reply: FastifyReply, sessionCookie: string | undefined): Promise<ApiError | undefined>;
}

/** Whether the matched route (if any) is rate limited; requests no route matched always are. */
function routeIsCounted(request: FastifyRequest): boolean {
  try {
    return (request.routeOptions.config as { baselineRateLimit?: boolean } | undefined)?.baselineRateLimit !== false;
  } catch {
    // Requests refused by the router carry no route context.
    return true;
  }
}

export function createRejectionCounter(api: Pick<ApiContext, 'gate' | 'sessions'>): RejectionCounter {
  const counted = new WeakSet<FastifyRequest>();
  return {
    markCounted: (request) => counted.add(request),
    async count(request, reply, sessionCookie) {
      if (counted.has(request)) return undefined;
      counted.add(request);
      if (!routeIsCounted(request)) return undefined;
      const gate = await api.gate.admit({ sessionKey: api.sessions.keyOfCookie(sessionCookie), ip: request.ip, guildId: undefined, count: true });
      if (gate.limit === undefined) return undefined;
      if (gate.limit.exceeded) return rateLimitedError(gate.limit);
      reply.headers(rateLimitHeaders(gate.limit));
      return undefined;
    },
  };
}
