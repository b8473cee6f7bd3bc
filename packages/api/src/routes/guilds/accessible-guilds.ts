import type { Database } from '@baseline/core';
import { preparedQuery } from '../../http/prepared-query.js';

interface Row {
  guild_id: string;
  guild_name: string;
  is_initial: boolean | null;
  authorized: boolean | null;
}

/** An entry of `GET /guilds` and `/auth/me`. */
export interface AccessibleGuild {
  guild_id: string;
  name: string;
  access: 'authorized' | 'developer';
  is_initial: boolean;
}

/**
 * The active guilds a user may open: those they are an active authorized user of, and for the developer team
 * every active guild.
 */
export async function accessibleGuilds(db: Database, userId: string, developer: boolean): Promise<AccessibleGuild[]> {
  const rows = await preparedQuery<Row>(
    db,
    developer ? 'api.accessible-guilds.developer' : 'api.accessible-guilds',
    `select g.guild_id::text as guild_id, g.guild_name, au.is_initial, au.is_active as authorized
       from guilds g
       ${developer ? 'left' : ''} join authorized_users au on au.guild_id = g.guild_id and au.user_id = $1 and au.is_active
      where g.is_active
      order by g.guild_name, g.guild_id`,
    [userId],
  );
  return rows.map((row) => ({
    guild_id: row.guild_id,
    name: row.guild_name,
    access: row.authorized ? 'authorized' : 'developer',
    is_initial: row.is_initial === true,
  }));
}
