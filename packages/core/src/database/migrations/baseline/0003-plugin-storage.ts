import { Migration } from '@mikro-orm/migrations';

/**
 * `plugin_storage`: the persisted side of plugins' per-guild key-value storage (`definePlugin({ storage })`).
 * One row per guild, plugin and key; values are `jsonb`. No foreign key to `guilds`: a listener may store a
 * value before guild tracking has written the guild's row.
 */
export class PluginStorage extends Migration {
  override up(): void {
    this.addSql(`create table "plugin_storage" (
      "guild_id" bigint not null,
      "plugin_id" varchar(64) not null,
      "storage_key" varchar(128) not null,
      "storage_value" jsonb not null,
      "updated_at" timestamptz not null default now(),
      constraint "plugin_storage_pkey" primary key ("guild_id", "plugin_id", "storage_key")
    )`);
  }

  override down(): void {
    this.addSql('drop table if exists "plugin_storage"');
  }
}
