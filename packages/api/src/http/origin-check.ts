import type { FastifyRequest } from 'fastify';

/**
 * Whether a write may proceed given its `Origin` header. Browsers send `Origin` on every cross-origin request and on
 * same-origin writes, so a write whose `Origin` is neither one of `API_CORS_ORIGINS` nor the API's own origin comes
 * from a page the deployment does not trust and is refused, whatever cookies it carries. A request without `Origin`
 * (a non-browser client) passes this check and still needs the session's CSRF token; `Origin: null` (sandboxed
 * frames, some redirects) is refused.
 *
 * @param request - the incoming request; its own origin is `request.protocol://request.host`
 * @param allowed - the configured origins (`config.api.corsOrigins`, already normalised through `URL#origin`)
 */
export function originAllowed(request: FastifyRequest, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  return origin === `${request.protocol}://${request.host}`;
}
