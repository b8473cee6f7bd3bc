import type { Logger } from 'pino';

// The names under which a plugin's resources live. The bot, the API, migrations and the dashboard all compute
// them here, so one plugin id always maps to the same logger field, settings namespace, table and URL.

/** A plugin's logger: every line carries `plugin: <id>`. */
export function pluginLogger(logger: Logger, pluginId: string): Logger {
  return logger.child({ plugin: pluginId });
}

/** A plugin's settings namespace: its id. */
export function pluginSettingsNamespace(pluginId: string): string {
  return pluginId;
}

/** The table tracking a plugin's migrations: `plugin_<id with - as _>_migrations`. */
export function pluginMigrationsTable(pluginId: string): string {
  return `plugin_${pluginId.replaceAll('-', '_')}_migrations`;
}

/** Where a plugin's API routes are mounted: `/api/v1/plugins/<id>`. */
export function pluginRoutePrefix(pluginId: string): string {
  return `/api/v1/plugins/${pluginId}`;
}
