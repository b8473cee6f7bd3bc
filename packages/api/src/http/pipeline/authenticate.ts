import type { FastifyRequest } from 'fastify';
import type { Caller } from '../../auth/caller.js';
import type { SessionHint } from '../../auth/session-hints.js';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import type { ApiContext } from '../api-context.js';
import type { GateResult } from '../request-gate.js';

/** What {@link authenticate} reads: the session cookie, what the gate read for it and this process's hint. */
export interface SessionRead {
  cookie: string | undefined;
  /** The key-value key the cookie names, when it has the shape of a session id. */
  sessionKey: string | undefined;
  gate: GateResult;
  hint: SessionHint | undefined;
}

/**
 * The caller behind the request's session, or `undefined` when there is no live one (no cookie, an unknown or
 * ended session). Keeps this process's session hints true: a signed-in request that is not over a limit leaves a
 * hint, and a refused one (ended session, rate limited) drops it, so repeating it starts no work early.
 */
export async function authenticate(
  api: Pick<ApiContext, 'sessions' | 'sessionHints' | 'callerOf'>,
  request: FastifyRequest,
  read: SessionRead,
): Promise<Caller | undefined> {
  const { cookie, sessionKey, gate, hint } = read;
  if (cookie === undefined || sessionKey === undefined || !api.sessions.isLive(gate.session)) {
    if (hint !== undefined && sessionKey !== undefined) api.sessionHints.forget(sessionKey);
    return undefined;
  }
  const caller = await api.callerOf(request, cookie, gate.session, gate.userAccessVersion);
  if (gate.limit?.exceeded !== true) api.sessionHints.remember(sessionKey, { userId: caller.userId, developer: caller.isDeveloper });
  else if (hint !== undefined) api.sessionHints.forget(sessionKey);
  return caller;
}

/**
 * Refuses a request without a caller to a route that needs one (every access level but `public`).
 *
 * @throws ApiError `BL_ERR_API_UNAUTHENTICATED` (401)
 */
export function requireCaller(caller: Caller | undefined): Caller {
  if (caller !== undefined) return caller;
  throw new ApiError(API_ERROR_CODES.unauthenticated, 'sign in first', { status: 401 });
}
