import type { Logger } from 'pino';
import type { PluginFailure } from './loaded-plugin.js';
import { PluginError } from './plugin-error.js';
import { appDependencyNames, readPluginPackage, type PluginPackage } from './read-plugin-package.js';
import { recordFailure } from './record-failure.js';

/** Options of {@link discoverPluginPackages}. */
export interface DiscoverPluginPackagesOptions {
  /** The app's directory: its package.json lists the plugins as dependencies. */
  appDir: string;
  /** The baseline version each plugin's `baselineVersion` range is checked against. */
  baselineVersion: string;
  logger: Logger;
  /** @default false */
  includeDevDependencies?: boolean;
}

/**
 * The plugin packages among the app's dependencies, found with the same manifest and version-range rules as
 * {@link discoverPlugins} but without importing any entry: what the dashboard's build needs to collect the
 * plugins' `web` entries. Each package that fails (invalid manifest, unsupported version) is logged with its
 * `BL_ERR_PLUGIN_*` code and returned among the failures.
 *
 * @example
 * ```ts
 * const { packages } = await discoverPluginPackages({ appDir, baselineVersion: BASELINE_VERSION, logger });
 * const webEntries = packages.flatMap((found) => (found.webEntry ? [found.webEntry] : []));
 * ```
 */
export async function discoverPluginPackages(options: DiscoverPluginPackagesOptions): Promise<{ packages: PluginPackage[]; failures: PluginFailure[] }> {
  const packages: PluginPackage[] = [];
  const failures: PluginFailure[] = [];
  for (const packageName of await appDependencyNames(options.appDir, options.includeDevDependencies ?? false)) {
    try {
      const found = await readPluginPackage(packageName, options);
      if (found !== undefined) packages.push(found);
    } catch (error) {
      if (!(error instanceof PluginError)) throw error;
      recordFailure(failures, options.logger, error);
    }
  }
  return { packages, failures };
}
