export {
  definePlugin,
  isPlugin,
  PLUGIN_BRAND,
  PLUGIN_CONTRACT_VERSION,
  PLUGIN_HOOKS,
  type Plugin,
  type PluginContext,
  type PluginDefinition,
  type PluginHookName,
  type PluginHooks,
} from './define-plugin.js';
export type { PluginCog, PluginRegister, PluginRouteHost, PluginServices } from './plugin-register.js';
export { PLUGIN_ID_MAX_LENGTH, PLUGIN_ID_PATTERN } from './plugin-definition-schema.js';
export { pluginManifestSchema, supportsBaselineVersion, type PluginManifest } from './plugin-manifest.js';
export { discoverPlugins, type DiscoverPluginsOptions } from './discover-plugins.js';
export { pluginSourceMode } from './plugin-source-mode.js';
export { discoverPluginPackages, type DiscoverPluginPackagesOptions } from './discover-plugin-packages.js';
export type { PluginPackage } from './read-plugin-package.js';
export { loadPlugins, type LoadPluginsOptions } from './load-plugins.js';
export type { LoadedPlugin, PluginFailure, PluginLoadResult } from './loaded-plugin.js';
export { createPluginContext, runPluginReady, runPluginSetup, runPluginShutdown, type RunPluginHooksOptions } from './run-plugin-hooks.js';
// `pluginMigrationsTable` is exported by the database module; `LoadedPlugin.migrationsTable` holds the same name.
export { pluginLogger, pluginRoutePrefix, pluginSettingsNamespace } from './plugin-names.js';
export { PluginError, PLUGIN_ERROR_CODES, type PluginErrorCode } from './plugin-error.js';
