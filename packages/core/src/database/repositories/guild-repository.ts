import type { Database } from '../create-database.js';
import { Guild } from '../entities/guild.entity.js';

/** What the bot knows about a guild when it joins or sees it again. Snowflakes are strings. */
export interface GuildUpsert {
  guildId: string;
  guildName: string;
  ownerId?: string | null;
  /** Only recorded on first insert: who added the bot is history, not state. */
  addedByUserId?: string | null;
}

/**
 * Inserts a guild or refreshes its name and owner, marking it active again (a rejoin clears `leftAt`).
 *
 * @example
 * ```ts
 * await upsertGuild(db, { guildId: guild.id, guildName: guild.name, ownerId: guild.ownerId });
 * ```
 */
export async function upsertGuild(db: Database, guild: GuildUpsert): Promise<Guild> {
  const em = db.fork();
  const rows = await em.execute<Record<string, unknown>[]>(
    `insert into "guilds" ("guild_id", "guild_name", "owner_id", "added_by_user_id")
     values (?, ?, ?, ?)
     on conflict ("guild_id") do update set
       "guild_name" = excluded."guild_name",
       "owner_id" = coalesce(excluded."owner_id", "guilds"."owner_id"),
       "is_active" = true,
       "left_at" = null,
       "updated_at" = now()
     returning *`,
    [guild.guildId, guild.guildName, guild.ownerId ?? null, guild.addedByUserId ?? null],
  );
  return em.map(Guild, rows[0]!);
}

/** One guild by id, or `null`. */
export function findGuild(db: Database, guildId: string): Promise<Guild | null> {
  return db.fork().findOne(Guild, { guildId });
}

/** Marks a guild as left (the bot was removed); its settings and grants stay for a possible return. */
export async function markGuildInactive(db: Database, guildId: string): Promise<boolean> {
  const affected = await db.fork().nativeUpdate(Guild, { guildId, isActive: true }, { isActive: false, leftAt: new Date(), updatedAt: new Date() });
  return affected > 0;
}

/** Marks a known guild active again; `false` when the guild is unknown or already active. */
export async function reactivateGuild(db: Database, guildId: string): Promise<boolean> {
  const affected = await db.fork().nativeUpdate(Guild, { guildId, isActive: false }, { isActive: true, leftAt: null, updatedAt: new Date() });
  return affected > 0;
}

/** Every guild the bot is currently in, by id. */
export function listActiveGuilds(db: Database): Promise<Guild[]> {
  return db.fork().find(Guild, { isActive: true }, { orderBy: { guildId: 'asc' } });
}
