import type { Database } from '../create-database.js';

/** One stored override: a plugin (`command` `null`) or one of its commands, enabled or disabled in a guild. */
export interface GuildToggleRow {
  pluginId: string;
  /** The command name, or `null` for the whole plugin. */
  command: string | null;
  enabled: boolean;
}

/** A change of one override; `enabled: null` removes it, so the plugin's default applies again. */
export interface GuildToggleWrite {
  guildId: string;
  pluginId: string;
  command: string | null;
  enabled: boolean | null;
  actorUserId: string | null;
}

/** Every override of a guild. */
export async function listGuildToggles(db: Database, guildId: string): Promise<GuildToggleRow[]> {
  const rows = await db
    .fork()
    .execute<{ plugin_id: string; command: string; enabled: boolean }[]>(
      `select "plugin_id", "command", "enabled" from "guild_toggles" where "guild_id" = ? order by "plugin_id", "command"`,
      [guildId],
    );
  return rows.map((row) => ({ pluginId: row.plugin_id, command: row.command === '' ? null : row.command, enabled: row.enabled }));
}

/**
 * Writes (or removes) one override and its `toggles.update` audit entry in a single statement, so neither
 * exists without the other. The audit entry's `before`/`after` are the stored override (`null` when absent).
 * @returns the override before the change
 */
export async function writeGuildToggle(db: Database, change: GuildToggleWrite): Promise<boolean | null> {
  const command = change.command ?? '';
  const target = change.command === null ? change.pluginId : `${change.pluginId}/${change.command}`;
  const write =
    change.enabled === null
      ? `delete from "guild_toggles" where "guild_id" = ? and "plugin_id" = ? and "command" = ? returning 1`
      : `insert into "guild_toggles" ("guild_id", "plugin_id", "command", "enabled", "updated_by") values (?, ?, ?, ?, ?)
         on conflict ("guild_id", "plugin_id", "command") do update set "enabled" = excluded."enabled", "updated_by" = excluded."updated_by", "updated_at" = now()
         returning 1`;
  const writeParams =
    change.enabled === null ? [change.guildId, change.pluginId, command] : [change.guildId, change.pluginId, command, change.enabled, change.actorUserId];
  const rows = await db.fork().execute<{ before: boolean | null }[]>(
    `with "previous" as (
       select "enabled" from "guild_toggles" where "guild_id" = ? and "plugin_id" = ? and "command" = ?
     ), "written" as (${write}), "audited" as (
       insert into "audit_log" ("guild_id", "actor_user_id", "action", "target", "before", "after")
       values (?, ?, 'toggles.update', ?, (select to_jsonb("enabled") from "previous"), ?::jsonb)
       returning 1
     )
     select (select "enabled" from "previous") as "before", (select count(*) from "written") as "written", (select count(*) from "audited") as "audited"`,
    [
      change.guildId,
      change.pluginId,
      command,
      ...writeParams,
      change.guildId,
      change.actorUserId,
      target,
      change.enabled === null ? null : JSON.stringify(change.enabled),
    ],
  );
  return rows[0]?.before ?? null;
}
