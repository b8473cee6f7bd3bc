import { Command } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerAdd } from './commands/add.js';
import { registerCommands } from './commands/commands.js';
import { registerDev } from './commands/dev.js';
import { registerEmulator } from './commands/emulator.js';
import { registerMigrate } from './commands/migrate.js';
import { registerPlugins } from './commands/plugins.js';
import { registerPrivacy } from './commands/privacy.js';
import { registerStart } from './commands/start.js';
import { registerUpgrade } from './commands/upgrade.js';

/** The `baseline` command and its subcommands, one file each under commands/. */
export function createProgram(): Command {
  const program = new Command('baseline')
    .version(packageJson.version)
    .description('Run, migrate and maintain a baseline bot. Run it inside the bot repository.')
    .option('--dir <path>', 'the bot repository (default: the current folder)')
    .showHelpAfterError()
    .addHelpText('after', '\nExamples:\n  $ baseline dev\n  $ baseline migrate status\n  $ baseline add @acme/baseline-polls');
  for (const register of [
    registerDev,
    registerStart,
    registerMigrate,
    registerCommands,
    registerPlugins,
    registerPrivacy,
    registerAdd,
    registerUpgrade,
    registerEmulator,
  ])
    register(program);
  return program;
}
