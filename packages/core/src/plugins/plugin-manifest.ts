import { isAbsolute, relative, resolve } from 'node:path';
import semver from 'semver';
import { z } from 'zod';

/** A path inside the plugin package, relative to its package.json. */
const packagePath = z
  .string()
  .min(1)
  .refine((path) => !isAbsolute(path) && !relative('.', path).startsWith('..'), 'must be a relative path inside the package');

/**
 * The `"baseline"` field of a plugin package's package.json: its presence makes a dependency a plugin.
 *
 * @example
 * ```json
 * "baseline": { "entry": "./dist/index.js", "source": "./src/index.ts", "web": "./dist/web.js", "baselineVersion": "^0.1.0" }
 * ```
 */
export const pluginManifestSchema = z.object({
  /** The runtime entry, default-exporting `definePlugin({...})`. Imported by the bot and the API. */
  entry: packagePath,
  /**
   * The TypeScript source of the runtime entry, imported instead of `entry` when baseline itself runs from its
   * sources (see `pluginSourceMode`): a workspace plugin then runs in development without a build, and from
   * `entry` (its `dist/`) once installed from a registry.
   */
  source: packagePath.optional(),
  /** The dashboard entry; only the dashboard (lazily) imports it. */
  web: packagePath.optional(),
  /**
   * The end-user data statement: what the plugin stores about Discord users, why, and how it is erased (its
   * `deleteUserData` hook). Shown by `plugins list` and `plugins doctor`.
   */
  endUserData: z.string().min(1).max(2000).optional(),
  /** The baseline versions the plugin supports, as a semver range. */
  baselineVersion: z.string().refine((range) => semver.validRange(range) !== null, 'must be a semver range such as "^0.1.0"'),
});

export type PluginManifest = z.output<typeof pluginManifestSchema>;

/**
 * Absolute paths of a manifest's entries inside the package at `packageDir`. The runtime entry is `source` when
 * `fromSource` is set and the manifest names one, else `entry`.
 */
export function manifestEntries(manifest: PluginManifest, packageDir: string, { fromSource = false } = {}): { entry: string; web: string | undefined } {
  return {
    entry: resolve(packageDir, fromSource && manifest.source !== undefined ? manifest.source : manifest.entry),
    web: manifest.web === undefined ? undefined : resolve(packageDir, manifest.web),
  };
}

/**
 * Whether a plugin's range admits this baseline version. Prereleases count: `0.2.0-beta.1` satisfies
 * `^0.2.0-0` and `>=0.1.0`, so plugins can be tried against a prerelease of baseline.
 */
export function supportsBaselineVersion(range: string, baselineVersion: string): boolean {
  return semver.satisfies(baselineVersion, range, { includePrerelease: true });
}
