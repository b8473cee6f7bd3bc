import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatBanner } from '../app/format-banner.js';
import { loadAppModule } from '../app/load-app-module.js';
import { startBaselineApp, type RunningApp } from '../app/start-baseline-app.js';
import { readAppPackage } from '../support/read-app-package.js';

/** `baseline start`: the production build (dist/), bot and API in one process. */

/**
 * Runs the built app (dist/app.js) with the API, which also serves the built dashboard (web/dist) when there is
 * one; the bot's own signal handling stops it and exits.
 *
 * @returns the running app (its `close()` ends it without a signal).
 */
export async function start(appDir: string, options: { api: boolean }): Promise<RunningApp> {
  readAppPackage(appDir);
  const app = await loadAppModule(appDir, 'built');
  const webBuild = join(appDir, 'web', 'dist');
  const dashboard = options.api && existsSync(join(webBuild, 'index.html')) ? webBuild : undefined;
  const running = await startBaselineApp({
    appDir,
    app,
    api: options.api,
    emulator: process.env['NODE_ENV'] !== 'production',
    ...(dashboard === undefined ? {} : { dashboard }),
  });
  process.stdout.write(formatBanner(running, { dashboard: dashboard === undefined || running.api === undefined ? undefined : `${running.api.url}/` }));
  return running;
}
