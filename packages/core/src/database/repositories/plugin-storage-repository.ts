import type { Database } from '../create-database.js';

/** Where one stored value lives: a guild, a plugin and a key. Snowflakes are strings. */
export interface PluginStorageAddress {
  guildId: string;
  pluginId: string;
  key: string;
}

/** A stored value, or `undefined` when the key was never written (or was deleted). */
export async function readPluginStorage(db: Database, { guildId, pluginId, key }: PluginStorageAddress): Promise<unknown> {
  const rows = await db
    .fork()
    .execute<{ storage_value: unknown }[]>(`select "storage_value" from "plugin_storage" where "guild_id" = ? and "plugin_id" = ? and "storage_key" = ?`, [
      guildId,
      pluginId,
      key,
    ]);
  return rows[0]?.storage_value;
}

/** Every stored key of a guild and plugin, with its value. */
export async function readAllPluginStorage(db: Database, { guildId, pluginId }: Omit<PluginStorageAddress, 'key'>): Promise<Record<string, unknown>> {
  const rows = await db
    .fork()
    .execute<{ storage_key: string; storage_value: unknown }[]>(
      `select "storage_key", "storage_value" from "plugin_storage" where "guild_id" = ? and "plugin_id" = ?`,
      [guildId, pluginId],
    );
  return Object.fromEntries(rows.map((row) => [row.storage_key, row.storage_value]));
}

/** Stores a JSON value, replacing the previous one. */
export async function writePluginStorage(db: Database, address: PluginStorageAddress, value: unknown): Promise<void> {
  await db.fork().execute(
    `insert into "plugin_storage" ("guild_id", "plugin_id", "storage_key", "storage_value") values (?, ?, ?, ?::jsonb)
     on conflict ("guild_id", "plugin_id", "storage_key") do update set "storage_value" = excluded."storage_value", "updated_at" = now()`,
    [address.guildId, address.pluginId, address.key, JSON.stringify(value)],
  );
}

/**
 * Adds `by` to a numeric value atomically (a missing key starts from `initial`) and returns the new value.
 * Concurrent increments from any number of processes all count: the addition happens inside PostgreSQL.
 */
export async function incrementPluginStorage(db: Database, address: PluginStorageAddress, by: number, initial: number): Promise<number> {
  const rows = await db.fork().execute<{ storage_value: number | string }[]>(
    `insert into "plugin_storage" ("guild_id", "plugin_id", "storage_key", "storage_value") values (?, ?, ?, to_jsonb(?::numeric + ?::numeric))
     on conflict ("guild_id", "plugin_id", "storage_key") do update
       set "storage_value" = to_jsonb(("plugin_storage"."storage_value" #>> '{}')::numeric + ?::numeric), "updated_at" = now()
     returning "storage_value"`,
    [address.guildId, address.pluginId, address.key, initial, by, by],
  );
  return Number(rows[0]!.storage_value);
}

/** Deletes a stored value; `true` when there was one. */
export async function deletePluginStorage(db: Database, { guildId, pluginId, key }: PluginStorageAddress): Promise<boolean> {
  const result = await db
    .fork()
    .execute<{ affectedRows?: number }>(
      `delete from "plugin_storage" where "guild_id" = ? and "plugin_id" = ? and "storage_key" = ?`,
      [guildId, pluginId, key],
      'run',
    );
  return (result.affectedRows ?? 0) > 0;
}
