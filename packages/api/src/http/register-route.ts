import { BaselineError, findUnsafeText, isBigintId, UNSAFE_TEXT_MESSAGE, withLogContext } from '@baseline/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { decideGuildAccess } from '../access/guild-access.js';
import type { Caller } from '../auth/caller.js';
import { API_ERROR_CODES, ApiError, type FieldError } from '../errors/api-error.js';
import { fieldErrorsOf } from '../errors/error-body.js';
import { rateLimitedError, rateLimitHeaders, type RateLimitState } from '../rate-limit/rate-limiter.js';
import type { ApiContext } from './api-context.js';
import { csrfTokenMatches } from './csrf.js';
import type { AnyRouteDefinition } from './define-route.js';
import { originAllowed } from './origin-check.js';
import { isGuildScoped, routeProblem } from './route-problem.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The header cookie-authenticated writes must carry, holding the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

function invalid(where: 'params' | 'query' | 'body', fields: FieldError[]): ApiError {
  if (where === 'body') return new ApiError(API_ERROR_CODES.validation, 'invalid body', { status: 422, fields });
  return new ApiError(API_ERROR_CODES.invalidRequest, `invalid ${where === 'params' ? 'path parameters' : where}`, { status: 400, fields });
}

/**
 * Validates one part of a request: first that no string in it (key or value, at any depth) holds a NUL character or a
 * lone surrogate, whatever the route's schema (PostgreSQL refuses both), then the route's zod schema. A body is
 * required whenever the route declares one: a missing body or `null` is refused rather than read as `{}`.
 */
function parse(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (schema === undefined) return undefined;
  if (where === 'body' && (value === undefined || value === null)) throw invalid('body', [{ path: 'body', message: 'a JSON body is required' }]);
  const unsafe = findUnsafeText(value);
  if (unsafe !== undefined) throw invalid(where, [{ path: [where, ...unsafe.map(String)].join('.'), message: UNSAFE_TEXT_MESSAGE }]);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalid(where, fieldErrorsOf(result.error.issues, where));
}

/**
 * Mounts a route at `prefix + definition.url` with the pipeline every route shares (a definition that cannot be
 * served safely, see `routeProblem`, is refused here with `BL_ERR_API_ROUTE_INVALID`):
 *
 * 1. the session, the caller's own and the global rate limits and, for guild routes, the guild's access version
 *    (one Redis round trip, see `createRequestGate`); the guild id is taken from the raw path only when it is a
 *    valid snowflake;
 * 2. rate limits (429) before anything else may refuse the request, so a caller over a limit gets 429 whatever
 *    else is wrong with the request;
 * 3. path parameters (400), session required (401), `Origin` on writes (403 `BL_ERR_API_ORIGIN`), CSRF token on
 *    writes (403), access (403/404) from the guild's grants cached for that version (one PostgreSQL query when the
 *    version changed or the entry expired), then the guild's rate limit (429), counted only for callers who passed
 *    that check (in the round trip of step 1 when this process already held the caller as authorized, given back if
 *    the check refused);
 * 4. query (400) and body (422); NUL characters and lone surrogates are refused in every part;
 * 5. the handler, with `correlation_id`, `user_id` and `guild_id` on every log line.
 */
export function registerRoute(app: FastifyInstance, api: ApiContext, prefix: string, definition: AnyRouteDefinition): void {
  const problem = routeProblem(definition);
  if (problem !== undefined) throw new BaselineError(API_ERROR_CODES.routeInvalid, `route ${definition.method} ${prefix}${definition.url} ${problem}`);
  const successStatus = Number(Object.keys(definition.responses)[0] ?? 200);
  const guildScoped = isGuildScoped(definition);
  const allowedOrigins = api.services.config.api.corsOrigins;
  app.route({
    method: definition.method,
    url: `${prefix}${definition.url}`,
    // Read by the rejection counter: requests to an uncounted route stay uncounted when Fastify refuses them.
    config: { baselineRateLimit: definition.rateLimit !== false },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      api.rejections.markCounted(request);
      // The raw id, trusted for the gate's keys only when it is a valid snowflake; validated properly below.
      const rawGuildId = guildScoped ? (request.params as { guild_id?: unknown }).guild_id : undefined;
      const guildId = typeof rawGuildId === 'string' && /^\d{17,20}$/.test(rawGuildId) && isBigintId(rawGuildId) ? rawGuildId : undefined;
      const cookie = request.cookies[api.options.cookieName];
      const sessionKey = api.sessions.keyOfCookie(cookie);
      const hint = sessionKey !== undefined ? api.sessionHints.get(sessionKey) : undefined;
      const prefetching = hint === undefined || definition.prefetch === undefined ? undefined : definition.prefetch(hint, api);
      // Awaited by the handler only when the hint proves right; never an unhandled rejection otherwise.
      prefetching?.catch(() => {});
      const count = definition.rateLimit !== false;
      // The guild scope is counted in the gate's round trip only for a user this process already holds as
      // authorized there; everyone else is counted after the access check, or not at all.
      const guildUserHint =
        count && guildId !== undefined && hint !== undefined && !hint.developer && api.guildAccess.holdsAuthorized(guildId, hint.userId) ? hint.userId : undefined;
      const gate = await api.gate.admit({ sessionKey, ip: request.ip, guildId, count, guildUserHint });
      let admitted = false;
      try {
        const caller = api.sessions.isLive(gate.session) ? await api.callerOf(request, cookie!, gate.session, gate.userAccessVersion) : undefined;
        // A refused request (ended session, rate limited) leaves no hint, so repeating it starts no work early.
        if (caller !== undefined && gate.limit?.exceeded !== true) api.sessionHints.remember(sessionKey!, { userId: caller.userId, developer: caller.isDeveloper });
        else if (hint !== undefined) api.sessionHints.forget(sessionKey!);
        const prefetched = caller !== undefined && hint?.userId === caller.userId && hint.developer === caller.isDeveloper ? prefetching : undefined;
        applyLimit(reply, gate.limit);
        const params = parse(definition.params, request.params, 'params');
        // A plugin's own guild_id schema may be laxer than a bigint: such an id never reaches an access check.
        if (guildScoped && guildId === undefined) throw invalid('params', [{ path: 'params.guild_id', message: 'must be a Discord id (17 to 20 digits, at most 9223372036854775807)' }]);
        if (UNSAFE.has(definition.method) && !originAllowed(request, allowedOrigins)) {
          throw new ApiError(API_ERROR_CODES.origin, 'writes are accepted only from the origins in API_CORS_ORIGINS or the API\'s own origin', { status: 403 });
        }
        if (definition.access !== 'public') {
          if (caller === undefined) throw new ApiError(API_ERROR_CODES.unauthenticated, 'sign in first', { status: 401 });
          if (UNSAFE.has(definition.method) && !csrfTokenMatches(request.headers[CSRF_HEADER], caller.session.csrfToken)) {
            throw new ApiError(API_ERROR_CODES.csrf, `cookie-authenticated writes need the ${CSRF_HEADER} header from /api/v1/auth/me`, { status: 403 });
          }
        }
        if (caller !== undefined) {
          if (guildScoped) await checkGuildAccess(api, definition, caller, guildId!, gate.accessVersion);
          else if (definition.access === 'developer' && !caller.isDeveloper) throw new ApiError(API_ERROR_CODES.forbidden, 'only the developer team may do this', { status: 403 });
        }
        admitted = true;
        if (guildScoped && count && caller !== undefined && !caller.isDeveloper && !gate.guildCounted) {
          applyLimit(reply, await api.gate.countGuild(guildId!, gate.counted));
        }
        const query = parse(definition.query, request.query, 'query');
        const body = parse(definition.body, request.body, 'body');
        const loggedGuildId = (params as { guild_id?: string } | undefined)?.guild_id;
        const context = { correlation_id: request.id, ...(caller ? { user_id: caller.userId } : {}), ...(loggedGuildId ? { guild_id: loggedGuildId } : {}) };
        const result = await withLogContext(context, () => definition.handler({ params, query, body, caller, request, reply, api, prefetched }));
        if (reply.sent) return reply;
        if (reply.statusCode === 200 && successStatus !== 200) reply.code(successStatus);
        return result === undefined ? reply.send() : result;
      } catch (error) {
        // Counted against the guild on a hint, then refused before passing its access check: give it back.
        if (gate.guildCounted && !admitted) await api.gate.uncountGuild(guildId!);
        throw error;
      }
    },
  });
}

/** A request over a limit answers 429; otherwise the limit is reported in the `RateLimit-*` headers. */
function applyLimit(reply: FastifyReply, limit: RateLimitState | undefined): void {
  if (limit === undefined) return;
  if (limit.exceeded) throw rateLimitedError(limit);
  reply.headers(rateLimitHeaders(limit));
}

/**
 * Guild access from the facts cached for the gate's access version; a denial from cached facts is confirmed
 * against PostgreSQL first, so a grant made outside the API is never refused from the cache.
 */
async function checkGuildAccess(api: ApiContext, definition: AnyRouteDefinition, caller: Caller, guildId: string, version: string): Promise<void> {
  const options = { authorizedOnly: definition.access === 'guild-authorized' };
  const { facts, cached } = await api.guildAccess.read(guildId, version);
  try {
    decideGuildAccess(facts, caller, options);
  } catch (error) {
    if (!cached) throw error;
    decideGuildAccess(await api.guildAccess.load(guildId, version), caller, options);
  }
}
