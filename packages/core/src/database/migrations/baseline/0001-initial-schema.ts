import { Migration } from '@mikro-orm/migrations';

/**
 * Baseline's tables. Snowflakes are `bigint`, money `numeric`, free-form data `jsonb`, times `timestamptz`.
 * `llm_usage.guild_id` has no foreign key on purpose: usage is recorded even when the guild row is missing.
 */
export class InitialSchema extends Migration {
  override up(): void {
    this.addSql(`create table "guilds" (
      "guild_id" bigint not null primary key,
      "guild_name" varchar(255) not null,
      "added_by_user_id" bigint null,
      "added_at" timestamptz not null default now(),
      "is_active" boolean not null default true,
      "owner_id" bigint null,
      "left_at" timestamptz null,
      "updated_at" timestamptz not null default now()
    )`);

    this.addSql(`create table "authorized_users" (
      "id" serial primary key,
      "guild_id" bigint not null,
      "user_id" bigint not null,
      "granted_by_user_id" bigint null,
      "granted_at" timestamptz not null default now(),
      "is_active" boolean not null default true,
      "is_initial" boolean not null default false,
      "revoked_at" timestamptz null,
      "revoked_by_user_id" bigint null,
      constraint "authorized_users_guild_id_foreign" foreign key ("guild_id") references "guilds" ("guild_id") on delete cascade,
      constraint "authorized_users_guild_id_user_id_unique" unique ("guild_id", "user_id")
    )`);
    this.addSql(`create index "authorized_users_user_id_index" on "authorized_users" ("user_id")`);

    this.addSql(`create table "guild_settings" (
      "id" serial primary key,
      "guild_id" bigint not null,
      "setting_key" varchar(255) not null,
      "setting_value" jsonb not null,
      "updated_at" timestamptz not null default now(),
      "updated_by_user_id" bigint null,
      constraint "guild_settings_guild_id_foreign" foreign key ("guild_id") references "guilds" ("guild_id") on delete cascade,
      constraint "guild_settings_guild_id_setting_key_unique" unique ("guild_id", "setting_key")
    )`);

    this.addSql(`create table "llm_usage" (
      "id" bigserial primary key,
      "guild_id" bigint null,
      "user_id" bigint null,
      "cog_name" varchar(255) null,
      "provider" varchar(255) not null,
      "model" varchar(255) not null,
      "request_type" varchar(255) not null,
      "status" varchar(255) not null default 'ok',
      "error_code" varchar(255) null,
      "prompt_tokens" int not null,
      "completion_tokens" int not null,
      "cache_read_tokens" int not null default 0,
      "cache_write_tokens" int not null default 0,
      "reasoning_tokens" int not null default 0,
      "total_tokens" int not null,
      "units" numeric null,
      "estimated_cost_usd" numeric(18,10) not null,
      "latency_ms" int not null,
      "pricing_id" int null,
      "created_at" timestamptz not null default now(),
      "metadata" jsonb null,
      constraint "llm_usage_status_check" check ("status" in ('ok', 'error'))
    )`);
    this.addSql(`create index "llm_usage_created_at_index" on "llm_usage" ("created_at")`);
    this.addSql(`create index "llm_usage_guild_id_created_at_index" on "llm_usage" ("guild_id", "created_at")`);
    this.addSql(`create index "llm_usage_provider_model_created_at_index" on "llm_usage" ("provider", "model", "created_at")`);
    this.addSql(`create index "llm_usage_cog_name_created_at_index" on "llm_usage" ("cog_name", "created_at")`);

    this.addSql(`create table "llm_model_pricing" (
      "id" serial primary key,
      "provider" varchar(255) not null,
      "model" varchar(255) not null,
      "input_cost_per_1k_tokens" numeric(20,12) not null,
      "output_cost_per_1k_tokens" numeric(20,12) not null,
      "cache_cost_per_1k_tokens" numeric(20,12) null,
      "cache_write_cost_per_1k_tokens" numeric(20,12) null,
      "image_cost_per_unit" numeric(20,12) null,
      "audio_cost_per_minute" numeric(20,12) null,
      "pricing" jsonb null,
      "is_active" boolean not null default true,
      "effective_from" timestamptz not null default now(),
      "effective_to" timestamptz null,
      "source" varchar(255) null,
      "updated_at" timestamptz not null default now(),
      constraint "llm_model_pricing_provider_model_effective_from_unique" unique ("provider", "model", "effective_from")
    )`);

    this.addSql(`create table "audit_log" (
      "id" bigserial primary key,
      "guild_id" bigint null,
      "actor_user_id" bigint null,
      "action" varchar(255) not null,
      "target" varchar(255) null,
      "before" jsonb null,
      "after" jsonb null,
      "metadata" jsonb null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "audit_log_guild_id_created_at_index" on "audit_log" ("guild_id", "created_at")`);
  }

  override down(): void {
    for (const table of ['audit_log', 'llm_model_pricing', 'llm_usage', 'guild_settings', 'authorized_users', 'guilds']) {
      this.addSql(`drop table if exists "${table}"`);
    }
  }
}
