import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The real path of an installed dependency's package.json, looked up from `appDir` as Node would resolve
 * an import there, or `undefined` when the package is not installed.
 *
 * Packages whose `exports` do not expose `./package.json` cannot be resolved by name; for those the
 * `node_modules` folders from `appDir` upwards are searched directly.
 */
export function findPackageJson(packageName: string, appDir: string): string | undefined {
  const require = createRequire(join(appDir, 'package.json'));
  try {
    return realpathSync(require.resolve(`${packageName}/package.json`));
  } catch {
    // ERR_PACKAGE_PATH_NOT_EXPORTED, or not installed: fall through to the folder walk.
  }
  for (let dir = appDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', packageName, 'package.json');
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}
