import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline plugins list|doctor`. */
export function registerPlugins(program: Command): void {
  const plugins = program
    .command('plugins')
    .description('the plugins this bot loads, and whether it can run them')
    .addHelpText('after', '\nExamples:\n  $ baseline plugins list\n  $ baseline plugins doctor');
  plugins
    .command('list')
    .description('list the plugins from package.json and src/app.ts: manifest, baseline range, intents, permissions')
    .addHelpText('after', '\nExample:\n  $ baseline plugins list')
    .action(async (_options: object, command: Command) => {
      await (await import('../actions/plugins.js')).listPlugins(appDirOf(command));
    });
  plugins
    .command('doctor')
    .description("start the bot and check each plugin's intents and bot permissions against what the bot has in every guild")
    .addHelpText('after', '\nExample:\n  $ baseline plugins doctor')
    .action(async (_options: object, command: Command) => {
      await (await import('../actions/plugins.js')).doctor(appDirOf(command));
    });
}
