import type { AccessibleGuildRecord } from '@baseline/core';

/** An entry of `GET /guilds` and `/auth/me`. */
export interface AccessibleGuild {
  guild_id: string;
  name: string;
  access: 'authorized' | 'developer';
  is_initial: boolean;
}

/** A guild of core's `listAccessibleGuilds` as the API returns it. */
export function accessibleGuildView(guild: AccessibleGuildRecord): AccessibleGuild {
  return { guild_id: guild.guildId, name: guild.guildName, access: guild.access, is_initial: guild.isInitial };
}
