import type { Database } from '../create-database.js';

/**
 * Whether a user holds an active grant to manage a guild (the dashboard's authorized users): what the bot checks
 * before letting someone change settings from Discord.
 */
export async function isAuthorizedUser(db: Database, guildId: string, userId: string): Promise<boolean> {
  const rows = await db.fork().execute<unknown[]>('select 1 from "authorized_users" where "guild_id" = ? and "user_id" = ? and "is_active"', [guildId, userId]);
  return rows.length > 0;
}
