import { rateLimitedError, rateLimitHeaders, type RateLimitState } from '../../rate-limit/rate-limiter.js';

/**
 * A request over a limit answers 429; otherwise the limit is reported in the `RateLimit-*` headers. Nothing
 * happens when the request was not counted (`limit` undefined).
 *
 * @param reply - the Fastify reply (only its `headers` method is used)
 *
 * @throws ApiError `BL_ERR_API_RATE_LIMITED` (429) when `limit.exceeded`
 */
export function enforceRateLimit(reply: { headers(values: Record<string, string>): unknown }, limit: RateLimitState | undefined): void {
  if (limit === undefined) return;
  if (limit.exceeded) throw rateLimitedError(limit);
  reply.headers(rateLimitHeaders(limit));
}
