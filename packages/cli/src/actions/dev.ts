import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { execa, type ResultPromise } from 'execa';
import pc from 'picocolors';
import { formatBanner } from '../app/format-banner.js';
import { loadAppModule } from '../app/load-app-module.js';
import { reloadCogs } from '../app/reload-cogs.js';
import { startBaselineApp } from '../app/start-baseline-app.js';
import { reportFailure } from '../support/report-failure.js';
import { readAppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';
import { stopOnSignals } from '../support/stop-on-signals.js';

interface DevOptions {
  dashboard: boolean;
  dashboardPort: string;
  watch: boolean;
}

export async function dev(appDir: string, options: DevOptions): Promise<void> {
  readAppPackage(appDir);
  const app = await loadAppModule(appDir, 'source');
  const running = await withSpinner('Starting the bot and the API', () => startBaselineApp({ appDir, app, handleSignals: false }));
  const logger = running.bot.services.logger.child({ component: 'dev' });
  let vite: ResultPromise | undefined;
  const webDir = join(appDir, 'web');
  if (options.dashboard && existsSync(webDir)) {
    // The dashboard is Vite's own process; it ends with this one (stop() below, and cleanup on exit).
    vite = execa('vite', ['--port', options.dashboardPort, '--strictPort'], { cwd: webDir, preferLocal: true, localDir: appDir, stdio: 'inherit', reject: false, cleanup: true });
  }
  const watcher = options.watch ? watch(join(appDir, 'src'), { ignoreInitial: true }) : undefined;
  let reloading = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  watcher?.on('all', () => {
    // Saving often touches several files at once: reload once they settled.
    clearTimeout(timer);
    timer = setTimeout(() => {
      reloading = reloading.then(async () => {
        try {
          const result = await reloadCogs(running.bot, await loadAppModule(appDir, 'source'));
          if (result.reloaded.length > 0) process.stderr.write(`${pc.green('↻')} reloaded ${result.reloaded.join(', ')}\n`);
          if (result.failed.length > 0) process.stderr.write(`${pc.red('✗')} ${result.failed.join(', ')} failed to load; the previous version runs\n`);
        } catch (error) {
          reportFailure(error);
        }
      });
    }, 150);
  });
  const stop = async () => {
    clearTimeout(timer);
    await watcher?.close();
    vite?.kill('SIGTERM');
    await vite;
    await running.stop();
  };
  stopOnSignals(stop);
  logger.debug('dev ready');
  process.stdout.write(formatBanner(running, { dashboard: vite === undefined ? undefined : `http://127.0.0.1:${options.dashboardPort}` }));
}
