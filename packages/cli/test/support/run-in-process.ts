import { stripVTControlCharacters } from 'node:util';
import { CommanderError, type Command } from 'commander';
import { createProgram } from '../../src/program.js';
import { reportFailure } from '../../src/support/report-failure.js';
import { captureWrites } from './capture-output.js';

/** What a `baseline` command run in this process printed, and how it ended. */
export interface InProcessResult {
  /** What the command wrote to stdout (its tables and banners) and commander's help. */
  stdout: string;
  /** The failure line as the binary prints it (`error BL_ERR_…: message`) and commander's own errors. */
  stderr: string;
  /** The exit code the binary would end with. */
  exitCode: number;
}

/**
 * Runs `baseline <args>` in this process, so coverage sees the command's code: the program of the binary, with
 * commander told to throw instead of exiting (its test affordance) and failures reported as `cli.ts` reports them.
 */
export async function runInProcess(args: readonly string[]): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const quiet = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
    for (const sub of command.commands) quiet(sub);
  };
  const program = createProgram();
  quiet(program);
  const written = captureWrites(process.stdout);
  let exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) exitCode = error.exitCode;
    else {
      reportFailure(error, (text) => (stderr += text));
      exitCode = 1;
    }
  } finally {
    stdout += written.text();
    written.restore();
  }
  // Colour depends on where the suite runs (picocolors turns it on when CI is set): tests read the plain text.
  return { stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr), exitCode };
}
