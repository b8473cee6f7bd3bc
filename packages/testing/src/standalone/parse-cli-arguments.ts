import { parseArgs } from 'node:util';
import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord/discord-emulator-error.js';
import type { StandaloneEmulatorOptions } from './start-standalone-emulator.js';

/** Default ports of the command; tests and scripts pass `--port 0` for free ones. */
export const DEFAULT_PORT = 8790;

export const usage = `Usage: baseline-emulator [--seed FILE] [--port N] [--page-port N] [--host HOST]

Starts a local Discord (REST, gateway, OAuth2) that discord.js bots connect to, and a web page to act as
its users: pick a user and a channel, run the bot's slash commands, click buttons.

  --seed FILE       JSON seed: { application?, users, guilds } (default: the built-in demo seed)
  --port N          emulator port, 0 = any free port (default ${DEFAULT_PORT})
  --page-port N     web page port, 0 = any free port (default: --port + 1, or 0 when --port is 0)
  --host HOST       interface to listen on (default 127.0.0.1)
  -h, --help        show this help`;

function port(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.cliArgument, `${flag} must be a port number (0-65535), got "${value}"`);
  }
  return number;
}

/**
 * Parses `baseline-emulator`'s arguments into {@link StandaloneEmulatorOptions}, or `'help'`.
 *
 * @throws DiscordEmulatorError `BL_ERR_EMULATOR_CLI_ARGUMENT` for unknown flags or bad values.
 */
export function parseCliArguments(argv: string[]): StandaloneEmulatorOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seed: { type: 'string' },
        port: { type: 'string' },
        'page-port': { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.cliArgument, (error as Error).message);
  }
  if (values.help) return 'help';
  const mainPort = port(values.port, '--port') ?? DEFAULT_PORT;
  const pagePort = port(values['page-port'], '--page-port') ?? (mainPort === 0 ? 0 : mainPort + 1);
  return {
    ...(values.seed ? { seed: values.seed } : {}),
    ...(values.host ? { host: values.host } : {}),
    port: mainPort,
    pagePort,
  };
}
