import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Every code a {@link PluginError} can carry: the `plugin` area of {@link CORE_ERROR_CODES}. */
export const PLUGIN_ERROR_CODES = CORE_ERROR_CODES.plugin;

export type PluginErrorCode = (typeof PLUGIN_ERROR_CODES)[keyof typeof PLUGIN_ERROR_CODES];

/** Who a plugin error is about: its npm package (when discovered) and its id (once known). */
export interface PluginIdentity {
  packageName?: string | undefined;
  pluginId?: string | undefined;
}

/** Describes a plugin for messages: `plugin "id" (package "name")`. */
export function describePlugin({ packageName, pluginId }: PluginIdentity): string {
  if (pluginId !== undefined && packageName !== undefined) return `plugin "${pluginId}" (package "${packageName}")`;
  if (pluginId !== undefined) return `plugin "${pluginId}"`;
  return `plugin package "${packageName ?? '<unknown>'}"`;
}

/**
 * A plugin that cannot be loaded or run. The message names the plugin (package and id) and, where there is
 * one, the other side: the conflicting package, the missing dependency, the baseline version.
 */
export class PluginError extends BaselineError {
  declare readonly code: PluginErrorCode;
  readonly packageName: string | undefined;
  readonly pluginId: string | undefined;

  constructor(code: PluginErrorCode, problem: string, options: { plugin: PluginIdentity; cause?: unknown; details?: Record<string, unknown> }) {
    const { plugin, ...rest } = options;
    super(code, `${describePlugin(plugin)}: ${problem}`, {
      ...rest,
      details: { package: plugin.packageName, plugin: plugin.pluginId, ...rest.details },
    });
    this.name = 'PluginError';
    this.packageName = options.plugin.packageName;
    this.pluginId = options.plugin.pluginId;
  }
}
