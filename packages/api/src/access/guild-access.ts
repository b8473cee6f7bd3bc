import type { Database } from '@baseline/core';
import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import type { Caller } from '../auth/caller.js';

/** How the caller reaches a guild. */
export type GuildAccessKind = 'authorized' | 'developer';

interface AccessRow {
  is_active: boolean;
  authorized: boolean | null;
}

/**
 * Checks the caller's access to a guild, reading PostgreSQL on every call: a grant or revocation takes effect
 * on every instance with the next request, with no cache to invalidate.
 *
 * - not authorized (and not on the developer team, unless `authorizedOnly`) → 403, whether or not the guild
 *   exists, so ids cannot be probed;
 * - unknown guild, or the bot is no longer in it → 404.
 */
export async function requireGuildAccess(
  db: Database,
  caller: Caller,
  guildId: string,
  options: { authorizedOnly?: boolean } = {},
): Promise<GuildAccessKind> {
  const rows = await db.fork().getConnection().execute<AccessRow[]>(
    `select g.is_active, au.is_active as authorized
       from guilds g
       left join authorized_users au on au.guild_id = g.guild_id and au.user_id = ? and au.is_active
      where g.guild_id = ?`,
    [caller.userId, guildId],
  );
  const row = rows[0];
  const authorized = row?.authorized === true;
  const developer = caller.isDeveloper && options.authorizedOnly !== true;
  if (!authorized && !developer) {
    throw new ApiError(403, API_ERROR_CODES.forbidden, options.authorizedOnly ? 'only authorized users of this guild may do this' : 'you have no access to this guild');
  }
  if (row === undefined || !row.is_active) throw new ApiError(404, API_ERROR_CODES.notFound, 'the bot is not in this guild');
  return authorized ? 'authorized' : 'developer';
}
