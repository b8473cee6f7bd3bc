import type { FastifyReply } from 'fastify';
import type { ResolvedApiOptions } from '../http/resolved-options.js';

/** Name of the short-lived cookie binding an OAuth `state` to the browser that asked for it. */
export const OAUTH_STATE_COOKIE = 'bl_oauth_state';

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure in production, scoped to `/api`. */
export function setSessionCookies(reply: FastifyReply, options: ResolvedApiOptions, sessionId: string, csrfToken: string): void {
  const maxAge = Math.floor(options.sessionTtlMs / 1000);
  reply.setCookie(options.cookieName, sessionId, { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: '/api', maxAge });
  // Readable by the dashboard's script on purpose: it echoes the value in X-CSRF-Token.
  reply.setCookie(options.csrfCookieName, csrfToken, { httpOnly: false, sameSite: 'lax', secure: options.secureCookies, path: '/', maxAge });
}

export function clearSessionCookies(reply: FastifyReply, options: ResolvedApiOptions): void {
  reply.clearCookie(options.cookieName, { path: '/api' });
  reply.clearCookie(options.csrfCookieName, { path: '/' });
}
