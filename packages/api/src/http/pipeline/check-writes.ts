import type { FastifyRequest } from 'fastify';
import type { Caller } from '../../auth/caller.js';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { csrfTokenMatches } from '../csrf.js';
import type { RouteMethod } from '../define-route.js';
import { originAllowed } from '../origin-check.js';

/** The header cookie-authenticated writes must carry, holding the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change state, so they are held to the `Origin` and CSRF checks. */
export function isWrite(method: RouteMethod): boolean {
  return method !== 'GET';
}

/**
 * Refuses a write sent from a page the deployment does not trust (see `originAllowed`). Reads pass.
 *
 * @param allowedOrigins - `config.api.corsOrigins`
 * @throws ApiError `BL_ERR_API_ORIGIN` (403)
 */
export function checkOrigin(request: FastifyRequest, method: RouteMethod, allowedOrigins: readonly string[]): void {
  if (!isWrite(method) || originAllowed(request, allowedOrigins)) return;
  throw new ApiError(API_ERROR_CODES.origin, "writes are accepted only from the origins in API_CORS_ORIGINS or the API's own origin", { status: 403 });
}

/**
 * Refuses a cookie-authenticated write without the session's CSRF token in the {@link CSRF_HEADER} header. Reads pass.
 *
 * @throws ApiError `BL_ERR_API_CSRF` (403)
 */
export function checkCsrf(request: FastifyRequest, method: RouteMethod, caller: Caller): void {
  if (!isWrite(method) || csrfTokenMatches(request.headers[CSRF_HEADER], caller.session.csrfToken)) return;
  throw new ApiError(API_ERROR_CODES.csrf, `cookie-authenticated writes need the ${CSRF_HEADER} header from /api/v1/auth/me`, { status: 403 });
}
