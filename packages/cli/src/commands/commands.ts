import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline commands plan|sync`: the bot's command sync, previewed or applied. */
export function registerCommands(program: Command): void {
  const commands = program
    .command('commands')
    .description("compare the bot's slash commands with Discord's registry, or sync them")
    .addHelpText('after', '\nExamples:\n  $ baseline commands plan\n  $ baseline commands sync --guild 123456789012345678');
  commands
    .command('plan')
    .description('show what a sync would create, update and delete, writing nothing (a dry run of the sync planner)')
    .option('--guild <id>', 'the commands of one guild instead of the global ones')
    .addHelpText('after', '\nExamples:\n  $ baseline commands plan\n  $ baseline commands plan --guild 123456789012345678')
    .action(async (options: { guild?: string }, command: Command) => {
      await (await import('../actions/commands.js')).syncAndPrint(appDirOf(command), options.guild, true);
    });
  commands
    .command('sync')
    .description("make Discord's registry hold exactly the bot's commands, writing only the differences")
    .option('--guild <id>', 'sync one guild instead of the global commands')
    .addHelpText('after', '\nExamples:\n  $ baseline commands sync\n  $ baseline commands sync --guild 123456789012345678')
    .action(async (options: { guild?: string }, command: Command) => {
      await (await import('../actions/commands.js')).syncAndPrint(appDirOf(command), options.guild, false);
    });
}
