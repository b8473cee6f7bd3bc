import { timingSafeEqual } from 'node:crypto';

/**
 * Whether the CSRF header a request sent is the session's token. Compared in constant time (equal-length buffers
 * through `crypto.timingSafeEqual`), so response timing reveals nothing about how much of a guess was right; a
 * missing or repeated header never matches.
 *
 * @param sent - the request's `x-csrf-token` header as Node parsed it
 * @param expected - the token stored in the session
 */
export function csrfTokenMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const given = Buffer.from(sent, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  // Only the length can differ in time, and every token has the same length.
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
