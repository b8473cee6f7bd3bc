import type { LoadedPlugin, PluginFailure } from '@baseline/core';

/** One line per plugin for the demo's closing summary. */
export interface PluginSummary {
  loaded: { id: string; package: string | undefined; from: string | undefined }[];
  skipped: { plugin: string; code: string; reason: string }[];
  /** The summary as the demo prints it: loaded plugins, then every skipped one with its code and reason. */
  text: string;
}

/**
 * Summarises which plugins the services loaded and which were skipped, so a plugin that failed to load is seen
 * at the end of the demo's output instead of buried in its start-up log.
 *
 * @param services - `plugins` and `pluginFailures` of the services container
 * @example
 * ```ts
 * logger.info({ plugins: summarizePlugins(bot.services) }, summarizePlugins(bot.services).text);
 * ```
 */
export function summarizePlugins(services: { plugins: readonly LoadedPlugin[]; pluginFailures: readonly PluginFailure[] }): PluginSummary {
  const loaded = services.plugins.map((entry) => ({ id: entry.id, package: entry.packageName, from: entry.packageDir }));
  const skipped = services.pluginFailures.map((failure) => ({
    plugin: failure.pluginId ?? failure.packageName ?? '<unknown>',
    code: failure.error.code,
    reason: failure.error.message,
  }));
  const lines = [
    `plugins loaded (${loaded.length}): ${loaded.length === 0 ? 'none' : loaded.map((entry) => entry.id).join(', ')}`,
    ...(skipped.length === 0 ? [] : [`plugins skipped (${skipped.length}):`, ...skipped.map((entry) => `  - ${entry.plugin}: ${entry.code}: ${entry.reason}`)]),
  ];
  return { loaded, skipped, text: lines.join('\n') };
}
