import type { Database } from '@baseline/core';
import { iso } from '../http/schemas.js';

/** An authorized user as the API returns it. */
export interface AuthorizedUserView {
  user_id: string;
  granted_by_user_id: string | null;
  granted_at: string;
  is_active: boolean;
  is_initial: boolean;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
}

interface Row {
  user_id: string;
  granted_by_user_id: string | null;
  granted_at: Date | string;
  is_active: boolean;
  is_initial: boolean;
  revoked_at: Date | string | null;
  revoked_by_user_id: string | null;
}

const COLUMNS = `user_id::text as user_id, granted_by_user_id::text as granted_by_user_id, granted_at, is_active, is_initial,
  revoked_at, revoked_by_user_id::text as revoked_by_user_id`;

function view(row: Row): AuthorizedUserView {
  return { ...row, granted_at: iso(row.granted_at)!, revoked_at: iso(row.revoked_at) };
}

/** A guild's authorized users, oldest grant first; revoked ones only when asked. */
export async function listAuthorizedUsers(db: Database, guildId: string, includeRevoked: boolean): Promise<AuthorizedUserView[]> {
  const rows = await db.fork().getConnection().execute<Row[]>(
    `select ${COLUMNS} from authorized_users where guild_id = ? ${includeRevoked ? '' : 'and is_active'} order by granted_at, id`,
    [guildId],
  );
  return rows.map(view);
}

export async function findAuthorizedUser(db: Database, guildId: string, userId: string): Promise<AuthorizedUserView | undefined> {
  const rows = await db.fork().getConnection().execute<Row[]>(`select ${COLUMNS} from authorized_users where guild_id = ? and user_id = ?`, [guildId, userId]);
  return rows[0] === undefined ? undefined : view(rows[0]);
}

/** Grants access (a revoked user is reactivated with a fresh grant). Returns `undefined` when already active. */
export async function grantAccess(db: Database, guildId: string, userId: string, grantedBy: string): Promise<AuthorizedUserView | undefined> {
  const rows = await db.fork().getConnection().execute<Row[]>(
    `insert into authorized_users (guild_id, user_id, granted_by_user_id, granted_at, is_active, is_initial)
     values (?, ?, ?, now(), true, false)
     on conflict (guild_id, user_id) do update set
       granted_by_user_id = excluded.granted_by_user_id, granted_at = now(), is_active = true,
       revoked_at = null, revoked_by_user_id = null
     where not authorized_users.is_active
     returning ${COLUMNS}`,
    [guildId, userId, grantedBy],
  );
  return rows[0] === undefined ? undefined : view(rows[0]);
}

/** Revokes an active, non-initial grant. Returns the updated row, or `undefined` when nothing changed. */
export async function revokeAccess(db: Database, guildId: string, userId: string, revokedBy: string): Promise<AuthorizedUserView | undefined> {
  const rows = await db.fork().getConnection().execute<Row[]>(
    `update authorized_users set is_active = false, revoked_at = now(), revoked_by_user_id = ?
      where guild_id = ? and user_id = ? and is_active and not is_initial
      returning ${COLUMNS}`,
    [revokedBy, guildId, userId],
  );
  return rows[0] === undefined ? undefined : view(rows[0]);
}
