import { BaselineError } from '../errors/baseline-error.js';

/** Every code a {@link PluginError} can carry. */
export const PLUGIN_ERROR_CODES = {
  /** The `"baseline"` field of a package.json is malformed. */
  manifestInvalid: 'BL_ERR_PLUGIN_MANIFEST_INVALID',
  /** The plugin does not support this baseline version. */
  versionUnsupported: 'BL_ERR_PLUGIN_VERSION_UNSUPPORTED',
  /** Importing the runtime entry threw. */
  entryImport: 'BL_ERR_PLUGIN_ENTRY_IMPORT',
  /** The entry's default export did not come from `definePlugin`. */
  notBranded: 'BL_ERR_PLUGIN_NOT_BRANDED',
  /** The object from `definePlugin` is malformed (id, version, fields). */
  definitionInvalid: 'BL_ERR_PLUGIN_DEFINITION_INVALID',
  /** Two plugins claim one id; neither loads. */
  duplicateId: 'BL_ERR_PLUGIN_DUPLICATE_ID',
  /** A required dependency is not installed. */
  dependencyMissing: 'BL_ERR_PLUGIN_DEPENDENCY_MISSING',
  /** A required dependency failed to load, so its dependent is skipped too. */
  dependencyFailed: 'BL_ERR_PLUGIN_DEPENDENCY_FAILED',
  /** Plugins depend on each other in a circle. */
  dependencyCycle: 'BL_ERR_PLUGIN_DEPENDENCY_CYCLE',
  /** A lifecycle hook threw. */
  hookFailed: 'BL_ERR_PLUGIN_HOOK_FAILED',
  /** The plugin's migrations failed; they were rolled back. */
  migrationFailed: 'BL_ERR_PLUGIN_MIGRATION_FAILED',
  /** The plugin's settings definition could not be registered. */
  settingsInvalid: 'BL_ERR_PLUGIN_SETTINGS_INVALID',
  /** The host app's own package.json cannot be read. */
  hostPackageInvalid: 'BL_ERR_PLUGIN_HOST_PACKAGE_INVALID',
} as const;

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

  constructor(
    code: PluginErrorCode,
    plugin: PluginIdentity,
    problem: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, `${describePlugin(plugin)}: ${problem}`, {
      ...options,
      details: { package: plugin.packageName, plugin: plugin.pluginId, ...options.details },
    });
    this.name = 'PluginError';
    this.packageName = plugin.packageName;
    this.pluginId = plugin.pluginId;
  }
}
