import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline upgrade [version]`. */
export function registerUpgrade(program: Command): void {
  program
    .command('upgrade')
    .description(
      'raise @baseline/* to the newest version their ranges admit, or to <version> (0.x ranges are moved: ^0.1.0 never admits 0.2.0); prints the changelogs between, then the pending migrations',
    )
    .argument('[version]', 'the version to move every @baseline/* package to, or "latest"')
    .option('-y, --yes', 'apply the pending migrations without asking')
    .addHelpText('after', '\nExamples:\n  $ baseline upgrade\n  $ baseline upgrade 0.2.0\n  $ baseline upgrade latest --yes')
    .action(async (version: string | undefined, options: { yes?: boolean }, command: Command) => {
      await (await import('../actions/upgrade.js')).upgrade(appDirOf(command), version, options);
    });
}
