import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline add <package>`: install a plugin, check it fits this bot, run its migrations. */
export function registerAdd(program: Command): void {
  program
    .command('add')
    .description('install a plugin package, check its manifest and baseline range against this bot, and run its migrations')
    .argument('<package>', 'npm package spec, e.g. @acme/polls or @acme/polls@^1.2.0')
    .addHelpText('after', '\nExample:\n  $ baseline add @acme/baseline-polls')
    .action(async (spec: string, _options: object, command: Command) => {
      await (await import('../actions/add.js')).add(appDirOf(command), spec);
    });
}
