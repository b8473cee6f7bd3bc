import { Migration } from '@mikro-orm/migrations';

/**
 * `user_oauth_grants`: the Discord OAuth2 grant of a dashboard user who allowed baseline to edit command
 * permissions (`applications.commands.permissions.update`), kept so the API can hide a disabled command from
 * members. `sealed_tokens` is ciphertext only (the API seals the access and refresh token with AES-256-GCM before
 * writing); `scopes` is what Discord granted, in clear, so "may it edit permissions?" needs no key. One row per user:
 * the latest login that granted the scope replaces the previous one. Deleted on logout and by user-data erasure.
 */
export class UserOAuthGrants extends Migration {
  override up(): void {
    this.addSql(`create table "user_oauth_grants" (
      "user_id" bigint not null,
      "sealed_tokens" text not null,
      "scopes" varchar(512) not null,
      "updated_at" timestamptz not null default now(),
      constraint "user_oauth_grants_pkey" primary key ("user_id")
    )`);
  }

  override down(): void {
    this.addSql('drop table if exists "user_oauth_grants"');
  }
}
