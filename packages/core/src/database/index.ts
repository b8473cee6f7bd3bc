// Connection: MikroORM on PostgreSQL with pooled connections and slow-query logs.
export { createDatabase, redactUrl, type CreateDatabaseOptions, type Database, type DatabaseEntity } from './create-database.js';
export { PinoQueryLogger } from './query-logger.js';
export { preparedQuery } from './prepared-query.js';
export { rowExecutorFromDatabase, type DatabaseLike, type RowExecutor } from './row-executor.js';

// Entities of baseline's own tables.
export * from './entities/index.js';

// Migrations: baseline's own and a runner for each plugin's, each list tracked in its own table.
export {
  executedMigrations,
  pendingMigrations,
  pluginMigrationsTable,
  rollbackMigrations,
  runMigrations,
  type ExecutedMigration,
  type MigrationClass,
  type MigrationEntry,
  type MigrationSet,
  type RollbackOptions,
} from './migrations/run-migrations.js';
export {
  baselineMigrations,
  executedBaselineMigrations,
  migrateBaseline,
  pendingBaselineMigrations,
  rollbackBaseline,
} from './migrations/baseline-migrations.js';
export { Migration } from '@mikro-orm/migrations';

// Repositories: thin, scoped by guild_id.
export { findGuild, listActiveGuilds, markGuildInactive, reactivateGuild, upsertGuild, type GuildUpsert } from './repositories/guild-repository.js';
export {
  deletePluginStorage,
  incrementPluginStorage,
  readAllPluginStorage,
  readPluginStorage,
  writePluginStorage,
  type PluginStorageAddress,
} from './repositories/plugin-storage-repository.js';
export { listGuildToggles, writeGuildToggle, type GuildToggleRow, type GuildToggleWrite } from './repositories/guild-toggle-repository.js';
export {
  deleteUserOAuthGrant,
  findUserOAuthGrant,
  replaceUserOAuthTokens,
  saveUserOAuthGrant,
  type UserOAuthGrantRow,
} from './repositories/user-oauth-grant-repository.js';
export {
  findAuthorizedUser,
  findInitialUser,
  grantAccess,
  grantInitialUser,
  isAuthorizedUser,
  listAccessibleGuilds,
  listAuthorizedGuildsOfUsers,
  listActiveGrantUserIds,
  listAuthorizedUsers,
  readGuildAccessFacts,
  revokeAccess,
  revokeLeavingMember,
  transferInitialGrant,
  type AccessGrant,
  type AccessibleGuildRecord,
  type AccessRevocation,
  type AuthorizedUserRecord,
  type GuildAccessFacts,
} from './repositories/authorized-user-repository.js';
export {
  insertModelPrices,
  readActiveModelPrices,
  readCurrentModelPrices,
  startModelPricePeriod,
  type ActiveModelPriceRow,
  type ModelPriceChange,
  type ModelPriceColumns,
  type ModelPriceInsert,
  type ModelPriceRow,
} from './repositories/model-pricing-repository.js';
export {
  insertLlmUsage,
  queryUsage,
  sumLlmUsageCostSince,
  type LlmUsageInsert,
  type TokenTotals,
  type UsageAggregate,
  type UsageDimension,
  type UsageGranularity,
  type UsageQuery,
} from './repositories/llm-usage-repository.js';
export {
  breakdownUsage,
  summarizeUsage,
  type UsageBreakdown,
  type UsageBreakdownFilter,
  type UsageBreakdownKey,
  type UsageBreakdownPoint,
  type UsageBreakdownTop,
  type UsageFilter,
  type UsageReadOptions,
  type UsageSummary,
  type UsageTotals,
} from './repositories/llm-usage-analytics.js';
export { eraseBaselineUserData, type BaselineUserDataErasure } from './repositories/user-data-repository.js';
export { appendAuditLog, listAuditLog, type AuditLogAppend, type AuditLogQuery } from './repositories/audit-log-repository.js';

// Per-guild settings persisted in guild_settings.
export { createPostgresSettingsStore } from './settings-store.js';
