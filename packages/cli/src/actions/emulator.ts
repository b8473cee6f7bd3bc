import { startStandaloneEmulator } from '@baseline/testing';
import type { Command } from 'commander';
import pc from 'picocolors';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { withSpinner } from '../support/spinner.js';
import { stopOnSignals } from '../support/stop-on-signals.js';

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
      const port = portOf(options.port, '--port');
      const pagePort = portOf(options.pagePort, '--page-port');
      const standalone = await withSpinner('Starting the Discord emulator', () =>
        startStandaloneEmulator({ ...(options.seed === undefined ? {} : { seed: options.seed }), port, pagePort }),
      );
      stopOnSignals(() => standalone.close());
      process.stdout.write(
        `\n${pc.green('●')} Discord emulator running\n  ${pc.dim('page'.padEnd(22))}${pc.cyan(standalone.urls.page)}\n  ${pc.dim('DISCORD_API_BASE_URL'.padEnd(22))}${standalone.urls.rest}\n  ${pc.dim('DISCORD_BOT_TOKEN'.padEnd(22))}${standalone.botToken}\n  ${pc.dim('DISCORD_CLIENT_ID'.padEnd(22))}${standalone.applicationId}\n  ${pc.dim('Ctrl+C stops it.')}\n\n`,
      );
    });
}

function portOf(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(CLI_ERROR_CODES.invalidArgument, `${flag} must be a port from 0 to 65535, got "${value}".`);
  }
  return port;
}
