import type { GuildAccessFacts } from '@baseline/core';
import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import type { Caller } from '../auth/caller.js';

/** How the caller reaches a guild. */
export type GuildAccessKind = 'authorized' | 'developer';

/**
 * Decides a caller's access to a guild:
 * - not authorized (and not on the developer team, unless `authorizedOnly`) → 403, whether or not the guild
 *   exists, so ids cannot be probed;
 * - unknown guild, or the bot is no longer in it → 404.
 */
export function decideGuildAccess(facts: GuildAccessFacts | undefined, caller: Caller, options: { authorizedOnly?: boolean } = {}): GuildAccessKind {
  const authorized = facts?.authorizedUserIds.has(caller.userId) === true;
  const developer = caller.isDeveloper && options.authorizedOnly !== true;
  if (!authorized && !developer) {
    throw new ApiError(
      API_ERROR_CODES.forbidden,
      options.authorizedOnly ? 'only authorized users of this guild may do this' : 'you have no access to this guild',
      { status: 403 },
    );
  }
  if (facts === undefined || !facts.isActive) throw new ApiError(API_ERROR_CODES.notFound, 'the bot is not in this guild', { status: 404 });
  return authorized ? 'authorized' : 'developer';
}
