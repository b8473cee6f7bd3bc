// Version of the running baseline.
export { BASELINE_VERSION } from './version.js';
// Errors: every deliberate error carries a stable BL_ERR_* code.
export { BaselineError, isBaselineError, type BaselineErrorOptions } from './errors/baseline-error.js';
export { CORE_ERROR_CODES, type CoreErrorCode } from './errors/core-error-codes.js';
// Configuration: environment variables, validated once.
export * from './config/index.js';
// Logging: JSON logs with context and redaction.
export * from './logger/index.js';
// Database: MikroORM on PostgreSQL, baseline's entities and migrations.
export * from './database/index.js';
// Embedded PostgreSQL for development.
export * from './embedded/index.js';
// Key-value store and pub/sub: Redis or in-memory.
export * from './kv/index.js';
// Plugins: the contract, manifests and discovery.
export * from './plugins/index.js';
// Per-guild settings.
export * from './settings/index.js';
export type { SettingsStore } from './settings/store.js';
// Per-guild toggles: plugins and commands enabled or disabled per guild.
export * from './toggles/index.js';
// Scheduled tasks: the status records bots write and the API reads.
export * from './tasks/index.js';
// Per-guild plugin storage without migrations.
export * from './storage/index.js';
// Access versions: how a change of grants or guilds reaches every API instance at once.
export * from './access/index.js';
// Validation of untrusted input: snowflakes, safe text, date ranges.
export * from './validation/index.js';
// Localization: i18next namespaces of baseline and plugins, per-guild locale.
export * from './i18n/index.js';
// Privacy: erasing one user's data across baseline and every plugin.
export * from './privacy/index.js';
// Health: one dependency ping with a timeout for every health answer.
export * from './health/index.js';

export * from './async/index.js';
// Metrics: one Prometheus registry per component, with its declarations.
export { createMetricsRegistry, type MetricsRegistry } from './metrics/metrics-registry.js';
// Shard status records written by bots, read by the API and health checks.
export * from './shards/index.js';
// The services container handed to cogs and routes.
export * from './services/index.js';
