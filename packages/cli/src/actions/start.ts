import type { Command } from 'commander';
import { formatBanner } from '../app/format-banner.js';
import { loadAppModule } from '../app/load-app-module.js';
import { startBaselineApp } from '../app/start-baseline-app.js';
import { readAppPackage } from '../support/read-app-package.js';
import { appDirOf } from './app-dir.js';

/** `baseline start`: the production build (dist/), bot and API in one process. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the built bot (dist/app.js) and the API; against the Discord emulator only when no token is set outside production')
    .option('--no-api', 'run the bot alone')
    .addHelpText('after', '\nExamples:\n  $ npm run build && baseline start\n  $ NODE_ENV=production DISCORD_BOT_TOKEN=… DATABASE_URL=… baseline start')
    .action(async (options: { api: boolean }, command: Command) => {
      const appDir = appDirOf(command);
      readAppPackage(appDir);
      const app = await loadAppModule(appDir, 'built');
      // The bot's own signal handling stops it gracefully and exits; nothing else runs in this process.
      const running = await startBaselineApp({ appDir, app, api: options.api, emulator: process.env['NODE_ENV'] !== 'production' });
      process.stdout.write(formatBanner(running));
    });
}
