import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline start`: the production build (dist/), bot and API in one process. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'run the built bot (dist/app.js) and the API, which serves the built dashboard (web/dist) when there is one; against the Discord emulator only when no token is set outside production',
    )
    .option('--no-api', 'run the bot alone')
    .addHelpText('after', '\nExamples:\n  $ npm run build && baseline start\n  $ NODE_ENV=production DISCORD_BOT_TOKEN=… DATABASE_URL=… baseline start')
    .action(async (options: { api: boolean }, command: Command) => {
      await (await import('../actions/start.js')).start(appDirOf(command), options);
    });
}
