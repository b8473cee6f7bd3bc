import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { execa, type ResultPromise } from 'execa';
import pc from 'picocolors';
import { formatBanner } from '../app/format-banner.js';
import { loadAppModule } from '../app/load-app-module.js';
import { reloadCogs } from '../app/reload-cogs.js';
import { startBaselineApp, type RunningApp } from '../app/start-baseline-app.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { reportFailure } from '../support/report-failure.js';
import { readAppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';
import { stopOnSignals } from '../support/stop-on-signals.js';

interface DevOptions {
  dashboard: boolean;
  dashboardPort: string;
  watch: boolean;
}

/** What `baseline dev` leaves running: a signal stops it, and so does `close()` (for callers in this process). */
export interface DevSession {
  readonly running: RunningApp;
  /** Stops the watcher, the dashboard, the bot and the API, and removes the signal handlers. */
  close(): Promise<void>;
}

export async function dev(appDir: string, options: DevOptions): Promise<DevSession> {
  readAppPackage(appDir);
  const app = await loadAppModule(appDir, 'source');
  const webDir = join(appDir, 'web');
  const dashboardUrl = options.dashboard && existsSync(webDir) ? `http://127.0.0.1:${options.dashboardPort}` : undefined;
  // Offline, the dashboard logs in through the emulator, which sends the browser back to Vite's server.
  const env = dashboardUrl === undefined ? process.env : { DISCORD_REDIRECT_URI: `${dashboardUrl}/auth/callback`, ...process.env };
  const running = await withSpinner('Starting the bot and the API', () => startBaselineApp({ appDir, app, env, handleSignals: false }));
  const logger = running.bot.services.logger.child({ component: 'dev' });
  let vite: ResultPromise | undefined;
  if (dashboardUrl !== undefined) {
    // The dashboard is Vite's own process; it ends with this one (close() below, and cleanup on exit). Its config
    // (web/vite.config.ts) sends /api to BASELINE_API_URL.
    vite = execa('vite', ['--host', '127.0.0.1', '--port', options.dashboardPort, '--strictPort'], {
      cwd: webDir,
      preferLocal: true,
      localDir: appDir,
      stdio: 'inherit',
      reject: false,
      cleanup: true,
      env: running.api === undefined ? {} : { BASELINE_API_URL: running.api.url },
    });
    try {
      await withSpinner('Starting the dashboard', () => waitForDashboard(dashboardUrl, vite!));
    } catch (error) {
      vite.kill('SIGTERM');
      await running.close();
      throw error;
    }
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
    await running.close();
  };
  const removeHandlers = stopOnSignals(stop);
  logger.debug('dev ready');
  process.stdout.write(formatBanner(running, { dashboard: dashboardUrl === undefined ? undefined : `${dashboardUrl}/` }));
  return {
    running,
    close: async () => {
      removeHandlers();
      await stop();
    },
  };
}

/** Waits until Vite's dev server answers at `url`, so the banner lists only addresses that work. */
async function waitForDashboard(url: string, vite: ResultPromise): Promise<void> {
  let exited = false;
  void vite.finally(() => (exited = true));
  for (let attempt = 0; attempt < 1200 && !exited; attempt += 1) {
    try {
      // Bounded: something else holding the port may accept the connection and never answer.
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // Not listening yet, or not answering.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new CliError(
    CLI_ERROR_CODES.childFailed,
    `the dashboard's dev server (vite in web/) ${exited ? 'exited' : 'did not answer'} on ${url}: see its output above; pass --dashboard-port for another port, or --no-dashboard to run without it.`,
  );
}
