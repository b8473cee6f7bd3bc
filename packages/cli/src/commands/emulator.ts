import type { Command } from 'commander';

/** `baseline emulator`: the Discord emulator and its web page alone, for a bot started elsewhere. */
export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('run the Discord emulator and its web page; point a bot at it with the printed variables')
    .option('--seed <file>', 'JSON seed of users and guilds (default: the demo seed)')
    .option('--port <port>', 'emulator port (0 = a free one)', '0')
    .option('--page-port <port>', 'web page port (0 = a free one)', '0')
    .addHelpText('after', '\nExample:\n  $ baseline emulator --port 8790 --page-port 8791')
    .action(async (options: { seed?: string; port: string; pagePort: string }) => {
      await (await import('../actions/emulator.js')).emulator(options);
    });
}
