import type { Command } from 'commander';
import { appDirOf } from './app-dir.js';

/** `baseline privacy erase <user-id>`: erase one Discord user's data across baseline and every plugin. */
export function registerPrivacy(program: Command): void {
  const privacy = program
    .command('privacy')
    .description("users' data: erase one user's data across baseline and every plugin")
    .addHelpText('after', '\nExample:\n  $ baseline privacy erase 123456789012345678');
  privacy
    .command('erase')
    .argument('<user-id>', 'the Discord user id')
    .description(
      "delete the user's dashboard grants, anonymise their LLM usage rows (totals unchanged) and run every plugin's deleteUserData hook; prints what each plugin did",
    )
    .addHelpText('after', '\nExample:\n  $ baseline privacy erase 123456789012345678')
    .action(async (userId: string, _options: object, command: Command) => {
      await (await import('../actions/privacy.js')).eraseAndPrint(appDirOf(command), userId);
    });
}
