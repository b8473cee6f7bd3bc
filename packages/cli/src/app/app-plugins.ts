import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINE_VERSION, discoverPlugins, type Logger, type PluginLoadResult } from '@baseline/core';
import type { BaselineApp } from './define-app.js';
import { APP_MODULES, loadAppModule } from './load-app-module.js';

/**
 * The app module a command without a running bot reads: the build when `NODE_ENV=production` (or when there
 * are no sources), else the sources through tsx.
 */
export function loadAppForCommand(appDir: string): Promise<BaselineApp> {
  const production = process.env['NODE_ENV'] === 'production' || !existsSync(join(appDir, APP_MODULES.source));
  return loadAppModule(appDir, production ? 'built' : 'source');
}

/**
 * The plugins the bot would load: those in the app's package.json, then the app's own, validated with
 * `@baseline/core`'s discovery (manifest, baseline version range, brand, dependencies).
 */
export function appPlugins(appDir: string, app: BaselineApp, logger: Logger): Promise<PluginLoadResult> {
  return discoverPlugins({ appDir, baselineVersion: BASELINE_VERSION, logger, plugins: app.plugins ?? [] });
}
