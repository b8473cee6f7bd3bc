import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { PluginCandidate, PluginFailure, PluginLoadResult } from './loaded-plugin.js';
import { validatePlugins } from './load-plugins.js';
import { PluginError, PLUGIN_ERROR_CODES } from './plugin-error.js';
import type { PluginManifest } from './plugin-manifest.js';
import { pluginSourceMode } from './plugin-source-mode.js';
import { appDependencyNames, readPluginPackage } from './read-plugin-package.js';
import { recordFailure } from './record-failure.js';

/** Options of {@link discoverPlugins}. */
export interface DiscoverPluginsOptions {
  /** The bot app's directory: its package.json lists the plugins as dependencies. */
  appDir: string;
  /** The running baseline version, checked against each plugin's `baselineVersion` range. */
  baselineVersion: string;
  logger: Logger;
  /** Plugins the app imports itself; validated and ordered together with the discovered ones. */
  plugins?: readonly unknown[];
  /**
   * Also consider `devDependencies` (e.g. a plugin developed next to a test bot).
   * @default false
   */
  includeDevDependencies?: boolean;
  /**
   * Import each plugin's `source` entry (TypeScript) instead of `entry` when its manifest names one.
   * @default pluginSourceMode(): true when baseline itself runs from its sources (the `@baseline/source` condition)
   */
  preferSource?: boolean;
}

/**
 * Reads one dependency: `undefined` when it is not a plugin (or not installed), a candidate when its manifest
 * is valid, its version range admits this baseline and its entry imports; throws a {@link PluginError}
 * otherwise.
 */
async function readCandidate(packageName: string, options: DiscoverPluginsOptions): Promise<PluginCandidate | undefined> {
  const preferSource = options.preferSource ?? pluginSourceMode();
  const found = await readPluginPackage(packageName, { ...options, preferSource });
  if (found === undefined) return undefined;
  const { packageDir, manifest, entry, webEntry } = found;
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (error) {
    const shown = relative(packageDir, entry).split(sep).join('/');
    throw new PluginError(
      PLUGIN_ERROR_CODES.entryImport,
      `importing its entry "${shown}" failed: ${String(error)}${entryHint(manifest, preferSource, error)}`,
      { plugin: { packageName }, cause: error, details: { entry } },
    );
  }
  return { plugin: module.default, packageName, packageDir, manifest, webEntry };
}

/** The fix for the usual cause of an entry that does not import: a workspace plugin that was never built. */
function entryHint(manifest: PluginManifest, preferSource: boolean, error: unknown): string {
  if ((error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return '';
  if (manifest.source === undefined) {
    return `. Build the plugin so "${manifest.entry}" exists, or add "source": "./src/index.ts" to its "baseline" field to run it from source in development`;
  }
  return preferSource ? '' : `. Build the plugin so "${manifest.entry}" exists, or run with --conditions=@baseline/source to load "${manifest.source}"`;
}

/**
 * Finds the plugins among the bot app's own dependencies (never by scanning disks) and loads them in
 * dependency order. A dependency is a plugin when its package.json has a `"baseline"` field; other
 * dependencies are skipped quietly. Each plugin that fails (invalid manifest, unsupported baseline version,
 * entry that throws, unbranded export, duplicate id, missing or failed dependency, cycle) is logged with its
 * `BL_ERR_PLUGIN_*` code and skipped, with every plugin that requires it; the others load.
 *
 * @throws PluginError `BL_ERR_PLUGIN_HOST_PACKAGE_INVALID` only when the app's own package.json is unreadable.
 * @example
 * ```ts
 * const { plugins, failures } = await discoverPlugins({ appDir: process.cwd(), baselineVersion, logger });
 * ```
 */
export async function discoverPlugins(options: DiscoverPluginsOptions): Promise<PluginLoadResult> {
  const { appDir, logger, plugins = [], includeDevDependencies = false } = options;
  const failures: PluginFailure[] = [];
  const candidates: PluginCandidate[] = [];
  for (const packageName of await appDependencyNames(appDir, includeDevDependencies)) {
    try {
      const candidate = await readCandidate(packageName, options);
      if (candidate !== undefined) candidates.push(candidate);
    } catch (error) {
      if (!(error instanceof PluginError)) throw error;
      recordFailure(failures, logger, error);
    }
  }
  candidates.push(...plugins.map((plugin) => ({ plugin })));
  return validatePlugins(candidates, logger, failures);
}
