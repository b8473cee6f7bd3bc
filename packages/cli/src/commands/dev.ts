import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline dev`: bot, API and dashboard in development, cogs reloaded on save. */
export function registerDev(program: Command): void {
  program
    .command('dev')
    .description(
      'run the bot and the API (and the dashboard when web/ exists) against the Discord emulator and an embedded PostgreSQL unless .env says otherwise; cogs reload on save',
    )
    .option('--no-dashboard', 'do not start the dashboard dev server')
    .option('--dashboard-port <port>', 'port of the dashboard dev server', '5173')
    .option('--no-watch', 'do not reload cogs on save')
    .addHelpText('after', '\nExamples:\n  $ baseline dev\n  $ API_PORT=3001 baseline dev --dashboard-port 5174')
    .action(async (options: { dashboard: boolean; dashboardPort: string; watch: boolean }, command: Command) => {
      // Each action imports its module when it runs, so `--help` and argument errors answer at once.
      await (await import('../actions/dev.js')).dev(appDirOf(command), options);
    });
}
