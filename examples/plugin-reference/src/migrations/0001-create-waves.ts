import { Migration } from '@mikro-orm/migrations';

/** The `reference_waves` table, tracked in `plugin_reference_migrations`. */
export class CreateWaves extends Migration {
  override up(): void {
    this.addSql(`create table "reference_waves" (
      "id" serial primary key,
      "guild_id" bigint not null,
      "user_id" bigint not null,
      "waved_at" timestamptz not null default now()
    )`);
    this.addSql('create index "reference_waves_guild_id_index" on "reference_waves" ("guild_id")');
  }

  override down(): void {
    this.addSql('drop table if exists "reference_waves"');
  }
}
