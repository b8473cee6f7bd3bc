import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { ResolvedApiOptions } from '../api-options.js';

/** Name of the short-lived cookie binding an OAuth `state` to the browser that asked for it. */
export const OAUTH_STATE_COOKIE = 'bl_oauth_state';

/*
 * Each cookie's attributes are defined once and used both to set it and to clear it: a browser only replaces a
 * cookie whose name, path and domain match, and a clearing line without `Secure`, `SameSite` or `HttpOnly` would
 * be a cookie of weaker kind for the moment it lives.
 */

/** The session cookie: httpOnly, SameSite=Lax, Secure in production, scoped to `/api`. */
const sessionCookie = (options: ResolvedApiOptions): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: options.secureCookies,
  path: '/api',
});
/** The CSRF cookie: readable by the dashboard's script on purpose, which echoes it in X-CSRF-Token. */
const csrfCookie = (options: ResolvedApiOptions): CookieSerializeOptions => ({ httpOnly: false, sameSite: 'lax', secure: options.secureCookies, path: '/' });
/** The OAuth state cookie: sent only to the auth routes. */
const oauthStateCookie = (options: ResolvedApiOptions): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: options.secureCookies,
  path: '/api/v1/auth',
});

/** Sets the session and CSRF cookies for `sessions.ttlMs`. */
export function setSessionCookies(reply: FastifyReply, options: ResolvedApiOptions, sessionId: string, csrfToken: string): void {
  const maxAge = Math.floor(options.sessions.ttlMs / 1000);
  reply.setCookie(options.sessions.cookieName, sessionId, { ...sessionCookie(options), maxAge });
  reply.setCookie(options.sessions.csrfCookieName, csrfToken, { ...csrfCookie(options), maxAge });
}

/** Clears the session and CSRF cookies with the attributes they were set with. */
export function clearSessionCookies(reply: FastifyReply, options: ResolvedApiOptions): void {
  reply.clearCookie(options.sessions.cookieName, sessionCookie(options));
  reply.clearCookie(options.sessions.csrfCookieName, csrfCookie(options));
}

/** Sets the cookie binding an OAuth `state` to this browser for `oauth.stateTtlMs`. */
export function setOAuthStateCookie(reply: FastifyReply, options: ResolvedApiOptions, state: string): void {
  reply.setCookie(OAUTH_STATE_COOKIE, state, { ...oauthStateCookie(options), maxAge: Math.floor(options.oauth.stateTtlMs / 1000) });
}

/** Clears the OAuth state cookie with the attributes it was set with. */
export function clearOAuthStateCookie(reply: FastifyReply, options: ResolvedApiOptions): void {
  reply.clearCookie(OAUTH_STATE_COOKIE, oauthStateCookie(options));
}
