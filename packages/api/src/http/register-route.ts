import { BaselineError, withLogContext } from '@baseline/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_ERROR_CODES } from '../errors/api-error.js';
import type { ApiContext } from './api-context.js';
import type { AnyRouteDefinition } from './define-route.js';
import { authenticate, requireCaller } from './pipeline/authenticate.js';
import { authorizeDeveloper, authorizeGuild } from './pipeline/authorize.js';
import { checkCsrf, checkOrigin } from './pipeline/check-writes.js';
import { enforceRateLimit } from './pipeline/enforce-rate-limit.js';
import { parseInput, rawGuildIdOf, requireGuildId } from './pipeline/parse-input.js';
import { prefetchedFor, startPrefetch } from './pipeline/prefetch.js';
import { isGuildAccess, routeProblem } from './route-problem.js';

export { CSRF_HEADER } from './pipeline/check-writes.js';

/**
 * Mounts a route at `prefix + definition.url` with the pipeline every route shares (a definition that cannot be
 * served safely, see `routeProblem`, is refused here with `BL_ERR_API_ROUTE_INVALID`). Each step is a function of
 * `./pipeline/`, run in this order:
 *
 * 1. the session, the caller's own and the global rate limits and, for guild routes, the guild's access version
 *    (one Redis round trip, see `createRequestGate`); the guild id is taken from the raw path only when it is a
 *    valid snowflake (`rawGuildIdOf`); the route's `prefetch` starts meanwhile (`startPrefetch`);
 * 2. `authenticate`: the caller behind the session, if any;
 * 3. `enforceRateLimit` (429) before anything else may refuse the request, so a caller over a limit gets 429
 *    whatever else is wrong with the request;
 * 4. `parseInput` of the path parameters (400, and `requireGuildId` for guild routes), `checkOrigin` on writes
 *    (403 `BL_ERR_API_ORIGIN`), `requireCaller` (401) and `checkCsrf` on writes (403) unless the route is public,
 *    then `authorizeGuild` (403/404) from the guild's grants cached for that version (one PostgreSQL query when
 *    the version changed or the entry expired) or `authorizeDeveloper` (403), then the guild's rate limit (429),
 *    counted only for callers who passed that check (in the round trip of step 1 when this process already held
 *    the caller as authorized, given back if the check refused);
 * 5. `parseInput` of the query (400) and body (422); NUL characters and lone surrogates are refused in every part;
 * 6. the handler, with `correlation_id`, `user_id` and `guild_id` on every log line.
 */
export function registerRoute(app: FastifyInstance, api: ApiContext, prefix: string, definition: AnyRouteDefinition): void {
  const problem = routeProblem(definition);
  if (problem !== undefined) throw new BaselineError(API_ERROR_CODES.routeInvalid, `route ${definition.method} ${prefix}${definition.url} ${problem}`);
  const successStatus = Number(Object.keys(definition.responses)[0] ?? 200);
  const { access, method } = definition;
  const guildScoped = isGuildAccess(access);
  const count = definition.rateLimit !== false;
  const allowedOrigins = api.services.config.api.corsOrigins;
  app.route({
    method,
    url: `${prefix}${definition.url}`,
    // Read by the rejection counter: requests to an uncounted route stay uncounted when Fastify refuses them.
    config: { baselineRateLimit: count },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      api.rejections.markCounted(request);
      // Trusted for the gate's keys only; validated properly by `requireGuildId` below.
      const gateGuildId = guildScoped ? rawGuildIdOf(request.params) : undefined;
      const cookie = request.cookies[api.options.sessions.cookieName];
      const sessionKey = api.sessions.keyOfCookie(cookie);
      const hint = sessionKey !== undefined ? api.sessionHints.get(sessionKey) : undefined;
      const prefetching = startPrefetch(definition, hint, api);
      // The guild scope is counted in the gate's round trip only for a user this process already holds as
      // authorized there; everyone else is counted after the access check, or not at all.
      const guildUserHint =
        count && gateGuildId !== undefined && hint !== undefined && !hint.developer && api.guildAccess.holdsAuthorized(gateGuildId, hint.userId)
          ? hint.userId
          : undefined;
      const gate = await api.gate.admit({ sessionKey, ip: request.ip, guildId: gateGuildId, count, guildUserHint });
      let admitted = false;
      try {
        const caller = await authenticate(api, request, { cookie, sessionKey, gate, hint });
        const prefetched = prefetchedFor(caller, hint, prefetching);
        enforceRateLimit(reply, gate.limit);
        const params = parseInput(definition.params, request.params, 'params');
        const guildId = guildScoped ? requireGuildId(gateGuildId) : undefined;
        checkOrigin(request, method, allowedOrigins);
        if (access !== 'public') {
          const signedIn = requireCaller(caller);
          checkCsrf(request, method, signedIn);
          if (guildId !== undefined && isGuildAccess(access)) await authorizeGuild(api.guildAccess, access, signedIn, guildId, gate.accessVersion);
          else authorizeDeveloper(access, signedIn);
        }
        admitted = true;
        if (guildId !== undefined && count && caller !== undefined && !caller.isDeveloper && !gate.guildCounted) {
          enforceRateLimit(reply, await api.gate.countGuild(guildId, gate.counted));
        }
        const query = parseInput(definition.query, request.query, 'query');
        const body = parseInput(definition.body, request.body, 'body');
        const loggedGuildId = (params as { guild_id?: string } | undefined)?.guild_id;
        const context = { correlation_id: request.id, ...(caller ? { user_id: caller.userId } : {}), ...(loggedGuildId ? { guild_id: loggedGuildId } : {}) };
        const result = await withLogContext(context, () => definition.handler({ params, query, body, caller, guildId, request, reply, api, prefetched }));
        if (reply.sent) return reply;
        if (reply.statusCode === 200 && successStatus !== 200) reply.code(successStatus);
        return result === undefined ? reply.send() : result;
      } catch (error) {
        // Counted against the guild on a hint, then refused before passing its access check: give it back.
        if (gate.guildCounted && !admitted && gateGuildId !== undefined) await api.gate.uncountGuild(gateGuildId);
        throw error;
      }
    },
  });
}
