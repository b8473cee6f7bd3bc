import type { Database } from '@baseline/core';

/** The statement of {@link grantInitialUser} (parameters: guild id, user id), also run inside transactions. */
export const UPSERT_INITIAL_GRANT_SQL = `insert into "authorized_users" ("guild_id", "user_id", "is_initial", "is_active")
  values (?, ?, true, true)
  on conflict ("guild_id", "user_id") do update set
    "is_initial" = true, "is_active" = true, "revoked_at" = null, "revoked_by_user_id" = null`;

/**
 * Makes `userId` the guild's initial authorized user (`authorized_users.is_initial`). Idempotent: an existing
 * row for the pair is turned into the initial grant and re-activated (the initial user cannot stay revoked).
 */
export async function grantInitialUser(db: Database, guildId: string, userId: string): Promise<void> {
  await db.fork().execute(UPSERT_INITIAL_GRANT_SQL, [guildId, userId]);
}

/** The guild's initial authorized user, or `undefined` when it has none yet. */
export async function findInitialUser(db: Database, guildId: string): Promise<string | undefined> {
  const rows = await db
    .fork()
    .execute<{ user_id: string }[]>(`select "user_id"::text as "user_id" from "authorized_users" where "guild_id" = ? and "is_initial" limit 1`, [guildId]);
  return rows[0]?.user_id;
}
