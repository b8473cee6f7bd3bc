import type { Database } from '../create-database.js';
import { preparedQuery } from '../prepared-query.js';

/** One `authorized_users` row: a user allowed into a guild's dashboard. Snowflakes are strings. */
export interface AuthorizedUserRecord {
  userId: string;
  grantedByUserId: string | null;
  grantedAt: Date;
  isActive: boolean;
  /** The guild's initial authorized user, who cannot be revoked from the dashboard. */
  isInitial: boolean;
  revokedAt: Date | null;
  /** `null` with `revokedAt` set: the system revoked it (the member left). */
  revokedByUserId: string | null;
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

const COLUMNS = `"user_id"::text as "user_id", "granted_by_user_id"::text as "granted_by_user_id", "granted_at", "is_active", "is_initial",
  "revoked_at", "revoked_by_user_id"::text as "revoked_by_user_id"`;

const date = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function record(row: Row): AuthorizedUserRecord {
  return {
    userId: row.user_id,
    grantedByUserId: row.granted_by_user_id,
    grantedAt: date(row.granted_at),
    isActive: row.is_active,
    isInitial: row.is_initial,
    revokedAt: row.revoked_at === null ? null : date(row.revoked_at),
    revokedByUserId: row.revoked_by_user_id,
  };
}

/**
 * Whether a user holds an active grant to manage a guild (the dashboard's authorized users): what the bot checks
 * before letting someone change settings from Discord.
 */
export async function isAuthorizedUser(db: Database, guildId: string, userId: string): Promise<boolean> {
  const rows = await db.fork().execute<unknown[]>('select 1 from "authorized_users" where "guild_id" = ? and "user_id" = ? and "is_active"', [guildId, userId]);
  return rows.length > 0;
}

/** A guild's authorized users, oldest grant first; revoked ones only with `includeRevoked`. */
export async function listAuthorizedUsers(db: Database, guildId: string, options: { includeRevoked?: boolean } = {}): Promise<AuthorizedUserRecord[]> {
  const rows = await db
    .fork()
    .execute<Row[]>(
      `select ${COLUMNS} from "authorized_users" where "guild_id" = ? ${options.includeRevoked === true ? '' : 'and "is_active"'} order by "granted_at", "id"`,
      [guildId],
    );
  return rows.map(record);
}

/** One user's grant to a guild, active or revoked, or `undefined` when they never had one. */
export async function findAuthorizedUser(db: Database, guildId: string, userId: string): Promise<AuthorizedUserRecord | undefined> {
  const rows = await db.fork().execute<Row[]>(`select ${COLUMNS} from "authorized_users" where "guild_id" = ? and "user_id" = ?`, [guildId, userId]);
  return rows[0] === undefined ? undefined : record(rows[0]);
}

/** The users with an active grant to a guild. */
export async function listActiveGrantUserIds(db: Database, guildId: string): Promise<string[]> {
  const rows = await db
    .fork()
    .execute<{ user_id: string }[]>(`select "user_id"::text as "user_id" from "authorized_users" where "guild_id" = ? and "is_active"`, [guildId]);
  return rows.map((row) => row.user_id);
}

/** A grant made from the dashboard. */
export interface AccessGrant {
  guildId: string;
  userId: string;
  grantedByUserId: string;
}

/**
 * Grants access from the dashboard; a revoked user is reactivated with a fresh grant.
 *
 * @returns the new grant, or `undefined` when the user already had an active one (nothing changed)
 */
export async function grantAccess(db: Database, grant: AccessGrant): Promise<AuthorizedUserRecord | undefined> {
  const rows = await db.fork().execute<Row[]>(
    `insert into "authorized_users" ("guild_id", "user_id", "granted_by_user_id", "granted_at", "is_active", "is_initial")
     values (?, ?, ?, now(), true, false)
     on conflict ("guild_id", "user_id") do update set
       "granted_by_user_id" = excluded."granted_by_user_id", "granted_at" = now(), "is_active" = true,
       "revoked_at" = null, "revoked_by_user_id" = null
     where not "authorized_users"."is_active"
     returning ${COLUMNS}`,
    [grant.guildId, grant.userId, grant.grantedByUserId],
  );
  return rows[0] === undefined ? undefined : record(rows[0]);
}

/** A revocation made from the dashboard. */
export interface AccessRevocation {
  guildId: string;
  userId: string;
  revokedByUserId: string;
}

/**
 * Revokes an active grant that is not the guild's initial one.
 *
 * @returns the revoked grant, or `undefined` when nothing changed (no active grant, or the initial user)
 */
export async function revokeAccess(db: Database, revocation: AccessRevocation): Promise<AuthorizedUserRecord | undefined> {
  const rows = await db.fork().execute<Row[]>(
    `update "authorized_users" set "is_active" = false, "revoked_at" = now(), "revoked_by_user_id" = ?
      where "guild_id" = ? and "user_id" = ? and "is_active" and not "is_initial"
      returning ${COLUMNS}`,
    [revocation.revokedByUserId, revocation.guildId, revocation.userId],
  );
  return rows[0] === undefined ? undefined : record(rows[0]);
}

const UPSERT_INITIAL_GRANT_SQL = `insert into "authorized_users" ("guild_id", "user_id", "is_initial", "is_active")
  values (?, ?, true, true)
  on conflict ("guild_id", "user_id") do update set
    "is_initial" = true, "is_active" = true, "revoked_at" = null, "revoked_by_user_id" = null`;

/**
 * Makes `userId` the guild's initial authorized user. Idempotent: an existing row for the pair is turned into the
 * initial grant and re-activated (the initial user cannot stay revoked).
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

/**
 * Makes `to` the guild's initial authorized user in one transaction: the previous initial user's row becomes an
 * ordinary grant (as active as it was, revocable from now on) and `to` gets an active initial grant.
 *
 * @returns `changed: false` when `to` already was the initial user; otherwise the previous initial user, if any
 */
export async function transferInitialGrant(
  db: Database,
  guildId: string,
  to: string,
): Promise<{ changed: false } | { changed: true; previous: string | undefined }> {
  return db.fork().transactional(async (em) => {
    const current = await em.execute<{ id: number; user_id: string }[]>(
      `select "id", "user_id"::text as "user_id" from "authorized_users" where "guild_id" = ? and "is_initial" for update`,
      [guildId],
    );
    if (current.some((row) => row.user_id === to)) return { changed: false as const };
    if (current.length > 0)
      await em.execute(
        `update "authorized_users" set "is_initial" = false where "id" in (${current.map(() => '?').join(', ')})`,
        current.map((row) => row.id),
      );
    await em.execute(UPSERT_INITIAL_GRANT_SQL, [guildId, to]);
    return { changed: true as const, previous: current[0]?.user_id };
  });
}

/**
 * Revokes the active grant of a member who left the guild, with no revoker (the system did it); an initial grant
 * loses its initial mark too.
 *
 * @returns whether the revoked grant was the initial one, or `undefined` when the member had no active grant
 */
export async function revokeLeavingMember(db: Database, guildId: string, userId: string): Promise<{ wasInitial: boolean } | undefined> {
  const rows = await db.fork().execute<{ was_initial: boolean }[]>(
    `with "leaving" as (
       select "id", "is_initial" from "authorized_users" where "guild_id" = ? and "user_id" = ? and "is_active" for update
     )
     update "authorized_users" as "grant" set "is_active" = false, "is_initial" = false, "revoked_at" = now(), "revoked_by_user_id" = null
       from "leaving" where "grant"."id" = "leaving"."id"
       returning "leaving"."is_initial" as "was_initial"`,
    [guildId, userId],
  );
  return rows[0] === undefined ? undefined : { wasInitial: rows[0].was_initial };
}

/** A guild's state and active grants, read together for access checks. */
export interface GuildAccessFacts {
  isActive: boolean;
  /** Users with an active grant. */
  authorizedUserIds: ReadonlySet<string>;
}

/** Whether the bot is in a guild and who holds an active grant there; `undefined` when the bot never knew the guild. */
export async function readGuildAccessFacts(db: Database, guildId: string): Promise<GuildAccessFacts | undefined> {
  // The driver's connection straight away: a fork (a new unit of work and logger) is not needed for raw SQL.
  const rows = await db.orm.em.getConnection().execute<{ is_active: boolean; user_id: string | null }[]>(
    `select g.is_active, au.user_id::text as user_id
       from guilds g
       left join authorized_users au on au.guild_id = g.guild_id and au.is_active
      where g.guild_id = ?`,
    [guildId],
  );
  if (rows.length === 0) return undefined;
  return { isActive: rows[0]!.is_active, authorizedUserIds: new Set(rows.flatMap((row) => (row.user_id === null ? [] : [row.user_id]))) };
}

/** A guild a user may open from the dashboard. */
export interface AccessibleGuildRecord {
  guildId: string;
  guildName: string;
  /** Through an active grant, or (developer team only) without one. */
  access: 'authorized' | 'developer';
  isInitial: boolean;
}

/**
 * The active guilds a user may open: those they hold an active grant to and, for the developer team, every active
 * guild. Read on every `GET /guilds`, so it runs as a prepared statement.
 */
export async function listAccessibleGuilds(db: Database, userId: string, developer: boolean): Promise<AccessibleGuildRecord[]> {
  const rows = await preparedQuery<{ guild_id: string; guild_name: string; is_initial: boolean | null; authorized: boolean | null }>(
    db,
    developer ? 'core.accessible-guilds.developer' : 'core.accessible-guilds',
    `select g.guild_id::text as guild_id, g.guild_name, au.is_initial, au.is_active as authorized
       from guilds g
       ${developer ? 'left' : ''} join authorized_users au on au.guild_id = g.guild_id and au.user_id = $1 and au.is_active
      where g.is_active
      order by g.guild_name, g.guild_id`,
    [userId],
  );
  return rows.map((row) => ({
    guildId: row.guild_id,
    guildName: row.guild_name,
    access: row.authorized ? 'authorized' : 'developer',
    isInitial: row.is_initial === true,
  }));
}

/**
 * {@link listAccessibleGuilds} of several users at once, through their grants only (not the developer team's every
 * guild): one query for all of them, so concurrent `GET /guilds` of different users can share one round trip. Each
 * user's guilds come in the same order as from `listAccessibleGuilds`; a user without any has an empty list.
 */
export async function listAuthorizedGuildsOfUsers(db: Database, userIds: readonly string[]): Promise<Map<string, AccessibleGuildRecord[]>> {
  const lists = new Map<string, AccessibleGuildRecord[]>(userIds.map((userId) => [userId, []]));
  const rows = await preparedQuery<{ user_id: string; guild_id: string; guild_name: string; is_initial: boolean | null }>(
    db,
    'core.authorized-guilds-of-users',
    `select u.id as user_id, g.guild_id::text as guild_id, g.guild_name, au.is_initial
       from unnest($1::text[]) as u(id)
       join authorized_users au on au.user_id = u.id::bigint and au.is_active
       join guilds g on g.guild_id = au.guild_id and g.is_active
      order by g.guild_name, g.guild_id`,
    [[...lists.keys()]],
  );
  for (const row of rows) {
    lists.get(row.user_id)!.push({ guildId: row.guild_id, guildName: row.guild_name, access: 'authorized', isInitial: row.is_initial === true });
  }
  return lists;
}
