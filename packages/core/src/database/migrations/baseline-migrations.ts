import type { Database } from '../create-database.js';
import { InitialSchema } from './baseline/0001-initial-schema.js';
import { GeminiProviderId } from './baseline/0002-gemini-provider-id.js';
import { PluginStorage } from './baseline/0003-plugin-storage.js';
import { GuildToggles } from './baseline/0004-guild-toggles.js';
import { LlmUsageRecordId } from './baseline/0005-llm-usage-record-id.js';
import { UserOAuthGrants } from './baseline/0006-user-oauth-grants.js';
import { LlmUsageRollups } from './baseline/0007-llm-usage-rollups.js';
import {
  executedMigrations,
  pendingMigrations,
  rollbackMigrations,
  runMigrations,
  type ExecutedMigration,
  type MigrationSet,
  type RollbackOptions,
} from './run-migrations.js';

/** Baseline's own migrations, tracked in `baseline_migrations` apart from every plugin's. */
export const baselineMigrations: MigrationSet = {
  tableName: 'baseline_migrations',
  migrations: [
    { name: '0001_initial_schema', class: InitialSchema },
    { name: '0002_gemini_provider_id', class: GeminiProviderId },
    { name: '0003_plugin_storage', class: PluginStorage },
    { name: '0004_guild_toggles', class: GuildToggles },
    { name: '0005_llm_usage_record_id', class: LlmUsageRecordId },
    { name: '0006_user_oauth_grants', class: UserOAuthGrants },
    { name: '0007_llm_usage_rollups', class: LlmUsageRollups },
  ],
};

/**
 * Brings baseline's tables up to date. Safe to call on every start, from several processes at once.
 * @returns the names of the migrations applied
 */
export function migrateBaseline(db: Database): Promise<string[]> {
  return runMigrations(db, baselineMigrations);
}

/**
 * Reverts baseline's migrations: the last one by default, all of them with `{ to: 0 }`.
 * @returns the names of the migrations reverted
 */
export function rollbackBaseline(db: Database, options?: RollbackOptions): Promise<string[]> {
  return rollbackMigrations(db, baselineMigrations, options);
}

/** Baseline migrations not yet applied. */
export function pendingBaselineMigrations(db: Database): Promise<string[]> {
  return pendingMigrations(db, baselineMigrations);
}

/** Baseline migrations applied, oldest first. */
export function executedBaselineMigrations(db: Database): Promise<ExecutedMigration[]> {
  return executedMigrations(db, baselineMigrations);
}
