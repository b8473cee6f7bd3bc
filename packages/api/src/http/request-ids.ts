import { randomBytes } from 'node:crypto';

/**
 * Request (correlation) ids: a random prefix per process and a counter, unique across instances without asking
 * the random source on every request.
 */
export function createRequestIds(): () => string {
  const prefix = randomBytes(9).toString('base64url');
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${next.toString(36)}`;
  };
}
