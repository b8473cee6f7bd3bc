import { listAccessibleGuilds, type Database } from '@baseline/core';

/** An entry of `GET /guilds` and `/auth/me`. */
export interface AccessibleGuild {
  guild_id: string;
  name: string;
  access: 'authorized' | 'developer';
  is_initial: boolean;
}

/**
 * The active guilds a user may open, as the API returns them: those they are an active authorized user of, and for
 * the developer team every active guild (core's `listAccessibleGuilds`).
 */
export async function accessibleGuilds(db: Database, userId: string, developer: boolean): Promise<AccessibleGuild[]> {
  const guilds = await listAccessibleGuilds(db, userId, developer);
  return guilds.map((guild) => ({ guild_id: guild.guildId, name: guild.guildName, access: guild.access, is_initial: guild.isInitial }));
}
