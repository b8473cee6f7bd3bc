#!/usr/bin/env node
// `baseline-emulator`: the standalone Discord emulator with its web page. Stops cleanly on SIGINT/SIGTERM.
import { formatBanner } from './format-banner.js';
import { parseCliArguments, usage } from './parse-cli-arguments.js';
import { startStandaloneEmulator } from './start-standalone-emulator.js';
import { EMULATOR_ERROR_CODES } from '../discord/discord-emulator-error.js';

async function main(): Promise<void> {
  const options = parseCliArguments(process.argv.slice(2));
  if (options === 'help') {
    console.log(usage);
    return;
  }
  const standalone = await startStandaloneEmulator(options);
  console.log(formatBanner(standalone));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping…`);
    standalone.close().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  console.error(`baseline-emulator: ${message ?? String(error)}`);
  if (code === EMULATOR_ERROR_CODES.cliArgument) console.error(`\n${usage}`);
  process.exit(1);
});
