import { BaselineError, withLogContext } from '@baseline/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { decideGuildAccess } from '../access/guild-access.js';
import type { Caller } from '../auth/caller.js';
import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import { fieldErrorsOf } from '../errors/error-body.js';
import { rateLimitedError, rateLimitHeaders, type RateLimitState } from '../rate-limit/rate-limiter.js';
import type { ApiContext } from './api-context.js';
import { csrfTokenMatches } from './csrf.js';
import type { AnyRouteDefinition } from './define-route.js';
import { isGuildScoped, routeProblem } from './route-problem.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The header cookie-authenticated writes must carry, holding the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

function parse(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const status = where === 'body' ? 422 : 400;
  const code = where === 'body' ? API_ERROR_CODES.validation : API_ERROR_CODES.invalidRequest;
  throw new ApiError(status, code, `invalid ${where === 'params' ? 'path parameters' : where}`, { fields: fieldErrorsOf(result.error.issues, where) });
}

/**
 * Mounts a route at `prefix + definition.url` with the pipeline every route shares (a definition that cannot be
 * served safely, see `routeProblem`, is refused here with `BL_ERR_API_ROUTE_INVALID`):
 *
 * 1. path parameters (400);
 * 2. the session, the caller's own and the global rate limits and, for guild routes, the guild's access version
 *    (one Redis round trip, see `createRequestGate`);
 * 3. session required (401), CSRF token on writes (403), rate limits (429), access (403/404) from the guild's
 *    grants cached for that version (one PostgreSQL query when the version changed or the entry expired), then
 *    the guild's rate limit (429), counted only for callers who passed that check (in the round trip of step 2
 *    when this process already held the caller as authorized, given back if the check refused);
 * 4. query (400) and body (422);
 * 5. the handler, with `correlation_id`, `user_id` and `guild_id` on every log line.
 */
export function registerRoute(app: FastifyInstance, api: ApiContext, prefix: string, definition: AnyRouteDefinition): void {
  const problem = routeProblem(definition);
  if (problem !== undefined) throw new BaselineError('BL_ERR_API_ROUTE_INVALID', `route ${definition.method} ${prefix}${definition.url} ${problem}`);
  const successStatus = Number(Object.keys(definition.responses)[0] ?? 200);
  const guildScoped = isGuildScoped(definition);
  app.route({
    method: definition.method,
    url: `${prefix}${definition.url}`,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const params = parse(definition.params, request.params, 'params');
      const guildId = (params as { guild_id?: string } | undefined)?.guild_id;
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
        count && guildScoped && hint !== undefined && !hint.developer && api.guildAccess.holdsAuthorized(guildId!, hint.userId) ? hint.userId : undefined;
      const gate = await api.gate.admit({ sessionKey, ip: request.ip, guildId: guildScoped ? guildId : undefined, count, guildUserHint });
      let admitted = false;
      try {
        const caller = api.sessions.isLive(gate.session) ? await api.callerOf(request, cookie!, gate.session, gate.userAccessVersion) : undefined;
        // A refused request (ended session, rate limited) leaves no hint, so repeating it starts no work early.
        if (caller !== undefined && gate.limit?.exceeded !== true) api.sessionHints.remember(sessionKey!, { userId: caller.userId, developer: caller.isDeveloper });
        else if (hint !== undefined) api.sessionHints.forget(sessionKey!);
        const prefetched = caller !== undefined && hint?.userId === caller.userId && hint.developer === caller.isDeveloper ? prefetching : undefined;
        if (definition.access !== 'public') {
          if (caller === undefined) throw new ApiError(401, API_ERROR_CODES.unauthenticated, 'sign in first');
          if (UNSAFE.has(definition.method) && !csrfTokenMatches(request.headers[CSRF_HEADER], caller.session.csrfToken)) {
            throw new ApiError(403, API_ERROR_CODES.csrf, `cookie-authenticated writes need the ${CSRF_HEADER} header from /api/v1/auth/me`);
          }
        }
        applyLimit(reply, gate.limit);
        if (caller !== undefined) {
          if (guildScoped) await checkGuildAccess(api, definition, caller, guildId!, gate.accessVersion);
          else if (definition.access === 'developer' && !caller.isDeveloper) throw new ApiError(403, API_ERROR_CODES.forbidden, 'only the developer team may do this');
        }
        admitted = true;
        if (guildScoped && count && caller !== undefined && !caller.isDeveloper && !gate.guildCounted) {
          applyLimit(reply, await api.gate.countGuild(guildId!, gate.counted));
        }
        const query = parse(definition.query, request.query, 'query');
        const body = parse(definition.body, request.body ?? {}, 'body');
        const context = { correlation_id: request.id, ...(caller ? { user_id: caller.userId } : {}), ...(guildId ? { guild_id: guildId } : {}) };
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
