import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { findPackageJson } from './find-package-json.js';
import { formatIssues } from './format-issues.js';
import { PluginError, PLUGIN_ERROR_CODES } from './plugin-error.js';
import { manifestEntries, pluginManifestSchema, supportsBaselineVersion, type PluginManifest } from './plugin-manifest.js';

/** A dependency whose manifest is valid and whose version range admits this baseline; nothing imported yet. */
export interface PluginPackage {
  packageName: string;
  /** The package's directory (real path). */
  packageDir: string;
  manifest: PluginManifest;
  /** Absolute path of the runtime entry. */
  entry: string;
  /** Absolute path of the dashboard entry, when the manifest names one. */
  webEntry: string | undefined;
}

/** What {@link readPluginPackage} needs: where the app is and which baseline runs. */
export interface ReadPluginPackageOptions {
  appDir: string;
  baselineVersion: string;
  logger: Logger;
  /** Resolve the runtime entry to the manifest's `source` (TypeScript) when it names one. @default false */
  preferSource?: boolean;
}

const hostPackageSchema = z.object({
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
});

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/**
 * The host app's dependency names to consider, in package.json order, each once.
 *
 * @throws PluginError `BL_ERR_PLUGIN_HOST_PACKAGE_INVALID` when the app's package.json is unreadable.
 */
export async function appDependencyNames(appDir: string, includeDevDependencies: boolean): Promise<string[]> {
  const path = join(appDir, 'package.json');
  let parsed;
  try {
    parsed = hostPackageSchema.parse(await readJson(path));
  } catch (error) {
    throw new PluginError(PLUGIN_ERROR_CODES.hostPackageInvalid, 'cannot read the app package.json', { plugin: { packageName: path }, cause: error });
  }
  const names = [
    ...Object.keys(parsed.dependencies ?? {}),
    ...Object.keys(parsed.optionalDependencies ?? {}),
    ...(includeDevDependencies ? Object.keys(parsed.devDependencies ?? {}) : []),
  ];
  return [...new Set(names)];
}

/**
 * Reads one dependency's manifest: `undefined` when it is not a plugin (or not installed), the package when its
 * manifest is valid and its range admits this baseline; throws a {@link PluginError} otherwise. Imports
 * nothing, so the dashboard's build can use it without loading plugins' runtime code.
 */
export async function readPluginPackage(
  packageName: string,
  { appDir, baselineVersion, logger, preferSource = false }: ReadPluginPackageOptions,
): Promise<PluginPackage | undefined> {
  const packageJsonPath = findPackageJson(packageName, appDir);
  if (packageJsonPath === undefined) {
    logger.debug({ package: packageName }, 'dependency not installed; skipped');
    return undefined;
  }
  let packageJson: { baseline?: unknown; version?: unknown };
  try {
    packageJson = (await readJson(packageJsonPath)) as typeof packageJson;
  } catch (error) {
    throw new PluginError(PLUGIN_ERROR_CODES.manifestInvalid, 'its package.json cannot be read', { plugin: { packageName }, cause: error });
  }
  if (packageJson.baseline === undefined) {
    logger.debug({ package: packageName }, 'dependency is not a plugin; skipped');
    return undefined;
  }
  const packageDir = dirname(packageJsonPath);
  logger.info({ package: packageName, version: packageJson.version, dir: packageDir }, 'plugin package detected');

  const identity = { packageName };
  const manifest = pluginManifestSchema.safeParse(packageJson.baseline);
  if (!manifest.success) {
    throw new PluginError(PLUGIN_ERROR_CODES.manifestInvalid, `invalid "baseline" field in package.json: ${formatIssues(manifest.error)}`, {
      plugin: identity,
      details: { issues: manifest.error.issues },
    });
  }
  const range = manifest.data.baselineVersion;
  if (!supportsBaselineVersion(range, baselineVersion)) {
    throw new PluginError(PLUGIN_ERROR_CODES.versionUnsupported, `supports baseline ${range}, but this is baseline ${baselineVersion}`, {
      plugin: identity,
      details: { range, baselineVersion },
    });
  }
  const { entry, web } = manifestEntries(manifest.data, packageDir, { fromSource: preferSource });
  return { packageName, packageDir, manifest: manifest.data, entry, webEntry: web };
}
