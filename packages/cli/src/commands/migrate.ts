import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline migrate status|up|down|create`. */
export function registerMigrate(program: Command): void {
  const migrate = program
    .command('migrate')
    .description("baseline's and every plugin's database migrations, each plugin in its own table")
    .addHelpText('after', '\nExamples:\n  $ baseline migrate status\n  $ baseline migrate up');
  const actions = () => import('../actions/migrate.js');
  migrate
    .command('status')
    .description('list executed and pending migrations')
    .addHelpText('after', '\nExample:\n  $ baseline migrate status')
    .action(async (_options: object, command: Command) => {
      await (await actions()).migrateStatus(appDirOf(command));
    });
  migrate
    .command('up')
    .description('apply pending migrations (baseline first, then plugins in load order)')
    .option('--plugin <id>', 'only this plugin')
    .addHelpText('after', '\nExamples:\n  $ baseline migrate up\n  $ baseline migrate up --plugin notes')
    .action(async (options: { plugin?: string }, command: Command) => {
      await (await actions()).migrateUp(appDirOf(command), options.plugin);
    });
  migrate
    .command('down')
    .description("revert a plugin's last migration, or with --to every one after a name (0 for all)")
    .requiredOption('--plugin <id>', 'the plugin (or "baseline")')
    .option('--to <name>', 'revert the migrations executed after this one; 0 reverts all')
    .addHelpText('after', '\nExamples:\n  $ baseline migrate down --plugin notes\n  $ baseline migrate down --plugin notes --to 0')
    .action(async (options: { plugin: string; to?: string }, command: Command) => {
      await (await actions()).migrateDown(appDirOf(command), options.plugin, options.to);
    });
  migrate
    .command('create')
    .description('write a new migration file (in a plugin package, or in a local plugin with --plugin)')
    .argument('<name>', 'what it does, in kebab case, e.g. add-notes-pinned')
    .option('--plugin <id>', 'the local plugin under src/plugins/<id>/ that owns it')
    .addHelpText('after', '\nExamples:\n  $ baseline migrate create add-notes-pinned\n  $ baseline migrate create create-polls --plugin polls')
    .action(async (name: string, options: { plugin?: string }, command: Command) => {
      await (await actions()).migrateCreate(appDirOf(command), name, options.plugin);
    });
}
