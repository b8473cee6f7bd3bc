import { Migration } from '@mikro-orm/migrations';

/**
 * `guild_toggles`: per-guild overrides that enable or disable a plugin (`command` = '') or one of its commands.
 * A guild without a row follows the plugin's declared defaults. No foreign key to `guilds`, as for
 * `plugin_storage`: the dashboard may toggle a guild before guild tracking has written its row.
 */
export class GuildToggles extends Migration {
  override up(): void {
    this.addSql(`create table "guild_toggles" (
      "guild_id" bigint not null,
      "plugin_id" varchar(64) not null,
      "command" varchar(64) not null default '',
      "enabled" boolean not null,
      "updated_by" bigint null,
      "updated_at" timestamptz not null default now(),
      constraint "guild_toggles_pkey" primary key ("guild_id", "plugin_id", "command")
    )`);
  }

  override down(): void {
    this.addSql('drop table if exists "guild_toggles"');
  }
}
