import { Migration } from '@baseline/core';

/** The `notes_notes` table, tracked in `plugin_notes_migrations`. Every migration has a working `down`. */
export class CreateNotes extends Migration {
  override up(): void {
    this.addSql(`create table "notes_notes" (
      "id" serial primary key,
      "guild_id" bigint not null,
      "user_id" bigint not null,
      "text" varchar(200) not null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql('create index "notes_notes_guild_id_user_id_index" on "notes_notes" ("guild_id", "user_id")');
  }

  override down(): void {
    this.addSql('drop table if exists "notes_notes"');
  }
}
