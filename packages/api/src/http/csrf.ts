import { timingSafeEqual } from 'node:crypto';

/**
 * Whether the CSRF token a request sent (the `x-csrf-token` header, or the OAuth `state` cookie at login) is the
 * expected one. Compared in constant time (equal-length buffers through `crypto.timingSafeEqual`), so response
 * timing reveals nothing about how much of a guess was right; a missing or repeated value never matches.
 *
 * @param sent - the token the request carried, as Node parsed it
 * @param expected - the token stored in the session, or the state the login was started with
 */
export function csrfTokenMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const given = Buffer.from(sent, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  // Only the length can differ in time, and every token has the same length.
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
