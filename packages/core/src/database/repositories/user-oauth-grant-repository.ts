import type { Database } from '../create-database.js';

/**
 * A user's stored Discord OAuth2 grant. `sealedTokens` is whatever the caller sealed (the API: AES-256-GCM over
 * the access token, refresh token and expiry); this repository never sees a token in clear.
 */
export interface UserOAuthGrantRow {
  userId: string;
  sealedTokens: string;
  /** The scopes Discord granted, space-separated as its token endpoint answers them. */
  scopes: string;
}

/** The user's stored grant, if any. */
export async function findUserOAuthGrant(db: Database, userId: string): Promise<UserOAuthGrantRow | undefined> {
  const rows = await db
    .fork()
    .execute<{ user_id: string; sealed_tokens: string; scopes: string }[]>(
      `select "user_id"::text as "user_id", "sealed_tokens", "scopes" from "user_oauth_grants" where "user_id" = ?`,
      [userId],
    );
  const row = rows[0];
  return row === undefined ? undefined : { userId: row.user_id, sealedTokens: row.sealed_tokens, scopes: row.scopes };
}

/** Stores (or replaces) the user's grant. */
export async function saveUserOAuthGrant(db: Database, grant: UserOAuthGrantRow): Promise<void> {
  await db.fork().execute(
    `insert into "user_oauth_grants" ("user_id", "sealed_tokens", "scopes") values (?, ?, ?)
     on conflict ("user_id") do update set "sealed_tokens" = excluded."sealed_tokens", "scopes" = excluded."scopes", "updated_at" = now()`,
    [grant.userId, grant.sealedTokens, grant.scopes],
  );
}

/**
 * Replaces the sealed tokens only while the row still holds `previousSealed`: two refreshes racing on different
 * instances, or a logout meanwhile, never resurrect or overwrite a newer grant.
 * @returns whether the row was updated
 */
export async function replaceUserOAuthTokens(db: Database, userId: string, previousSealed: string, sealedTokens: string): Promise<boolean> {
  const result = await db
    .fork()
    .execute<{ affectedRows?: number }>(
      `update "user_oauth_grants" set "sealed_tokens" = ?, "updated_at" = now() where "user_id" = ? and "sealed_tokens" = ?`,
      [sealedTokens, userId, previousSealed],
      'run',
    );
  return Number(result.affectedRows ?? 0) > 0;
}

/** Deletes the user's grant. @returns the number of rows deleted (0 or 1) */
export async function deleteUserOAuthGrant(db: Database, userId: string): Promise<number> {
  const result = await db.fork().execute<{ affectedRows?: number }>(`delete from "user_oauth_grants" where "user_id" = ?`, [userId], 'run');
  return Number(result.affectedRows ?? 0);
}
