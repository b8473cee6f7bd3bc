import type { Logger } from 'pino';
import type { Plugin } from './define-plugin.js';
import type { PluginError } from './plugin-error.js';
import type { PluginManifest } from './plugin-manifest.js';

/** Where a plugin came from, before validation: a discovered package or a plugin passed in directly. */
export interface PluginCandidate {
  /** The default export of the entry, or the value passed in; checked for the brand. */
  plugin: unknown;
  /** The npm package, when discovered. */
  packageName?: string | undefined;
  /** The package's directory (real path), when discovered. */
  packageDir?: string | undefined;
  manifest?: PluginManifest | undefined;
  /** Absolute path of the dashboard entry, when the manifest names one. */
  webEntry?: string | undefined;
}

/** A validated plugin, with the names of its encapsulated resources. */
export interface LoadedPlugin {
  readonly id: string;
  readonly plugin: Plugin;
  readonly packageName: string | undefined;
  readonly packageDir: string | undefined;
  readonly manifest: PluginManifest | undefined;
  readonly webEntry: string | undefined;
  /** `logger.child({ plugin: id })`. */
  readonly logger: Logger;
  /** The plugin's settings namespace (its id). */
  readonly settingsNamespace: string;
  /** `plugin_<id>_migrations`. */
  readonly migrationsTable: string;
  /** `/api/v1/plugins/<id>`. */
  readonly routePrefix: string;
}

/** A plugin that was skipped, and why. */
export interface PluginFailure {
  readonly packageName: string | undefined;
  readonly pluginId: string | undefined;
  readonly error: PluginError;
}

/** The outcome of loading: the plugins in dependency order, and every plugin that was skipped. */
export interface PluginLoadResult {
  readonly plugins: LoadedPlugin[];
  readonly failures: PluginFailure[];
}
