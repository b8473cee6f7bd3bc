import { startStandaloneEmulator, type StandaloneEmulator } from '@baseline/testing';
import pc from 'picocolors';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { withSpinner } from '../support/spinner.js';
import { stopOnSignals } from '../support/stop-on-signals.js';

/** `baseline emulator`: the Discord emulator and its web page alone, for a bot started elsewhere. */
function portOf(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(CLI_ERROR_CODES.invalidArgument, `${flag} must be a port from 0 to 65535, got "${value}".`);
  }
  return port;
}

/**
 * Runs the standalone emulator until a signal stops it.
 *
 * @returns the emulator, and `close()` that closes it and removes the signal handlers.
 */
export async function emulator(options: {
  seed?: string;
  port: string;
  pagePort: string;
}): Promise<{ standalone: StandaloneEmulator; close(): Promise<void> }> {
  const port = portOf(options.port, '--port');
  const pagePort = portOf(options.pagePort, '--page-port');
  const standalone = await withSpinner('Starting the Discord emulator', () =>
    startStandaloneEmulator({ ...(options.seed === undefined ? {} : { seed: options.seed }), port, pagePort }),
  );
  const removeHandlers = stopOnSignals(() => standalone.close());
  process.stdout.write(
    `\n${pc.green('●')} Discord emulator running\n  ${pc.dim('page'.padEnd(22))}${pc.cyan(standalone.urls.page)}\n  ${pc.dim('DISCORD_API_BASE_URL'.padEnd(22))}${standalone.urls.rest}\n  ${pc.dim('DISCORD_BOT_TOKEN'.padEnd(22))}${standalone.botToken}\n  ${pc.dim('DISCORD_CLIENT_ID'.padEnd(22))}${standalone.applicationId}\n  ${pc.dim('Ctrl+C stops it.')}\n\n`,
  );
  return {
    standalone,
    close: async () => {
      removeHandlers();
      await standalone.close();
    },
  };
}
