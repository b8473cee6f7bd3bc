import type { Database } from '@baseline/core';
import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import type { Caller } from '../auth/caller.js';

/** How the caller reaches a guild. */
export type GuildAccessKind = 'authorized' | 'developer';

/** What PostgreSQL says about a guild right now. `undefined` when the bot never knew the guild. */
export interface GuildAccessFacts {
  isActive: boolean;
  /** Users with an active grant. */
  authorizedUserIds: ReadonlySet<string>;
}

interface Row {
  is_active: boolean;
  user_id: string | null;
}

/**
 * Reads a guild's state and its active grants from PostgreSQL. Requests get them through the
 * `GuildAccessCache`, which calls this when the guild's access version changed or its entry expired.
 */
export async function loadGuildAccess(db: Database, guildId: string): Promise<GuildAccessFacts | undefined> {
  // The driver's connection straight away: a fork (a new unit of work and logger) is not needed for raw SQL.
  const rows = await db.orm.em.getConnection().execute<Row[]>(
    `select g.is_active, au.user_id::text as user_id
       from guilds g
       left join authorized_users au on au.guild_id = g.guild_id and au.is_active
      where g.guild_id = ?`,
    [guildId],
  );
  if (rows.length === 0) return undefined;
  return { isActive: rows[0]!.is_active, authorizedUserIds: new Set(rows.flatMap((row) => (row.user_id === null ? [] : [row.user_id]))) };
}

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
    throw new ApiError(API_ERROR_CODES.forbidden, options.authorizedOnly ? 'only authorized users of this guild may do this' : 'you have no access to this guild', { status: 403 });
  }
  if (facts === undefined || !facts.isActive) throw new ApiError(API_ERROR_CODES.notFound, 'the bot is not in this guild', { status: 404 });
  return authorized ? 'authorized' : 'developer';
}
