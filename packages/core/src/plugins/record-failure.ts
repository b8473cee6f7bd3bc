import type { Logger } from 'pino';
import type { PluginFailure } from './loaded-plugin.js';
import type { PluginError } from './plugin-error.js';

/** Adds a failure to the result and logs it at error level with its code: a skipped plugin is never silent. */
export function recordFailure(failures: PluginFailure[], logger: Logger, error: PluginError): void {
  failures.push({ packageName: error.packageName, pluginId: error.pluginId, error });
  logger.error({ code: error.code, package: error.packageName, plugin: error.pluginId, err: error }, `plugin skipped: ${error.message}`);
}
