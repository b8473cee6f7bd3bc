import { stripVTControlCharacters } from 'node:util';
import { CommanderError } from 'commander';
import { vi } from 'vitest';
import { CreateError } from '../../src/create-error.js';
import { createProgram } from '../../src/program.js';

/** What `create-baseline-bot` run in this process printed, and how it ended. */
export interface CreateResult {
  stdout: string;
  /** commander's own errors, and the coded failure as the binary prints it (`error BL_ERR_CREATE_…: message`). */
  stderr: string;
  exitCode: number;
  /** The coded failure, when there was one. */
  error: CreateError | undefined;
}

/**
 * Runs `create-baseline-bot <args>` in this process, so coverage sees it: the binary's program, with commander told
 * to throw instead of exiting (its test affordance). Pass absolute folders: relative ones resolve from the cwd.
 */
export async function createInProcess(args: readonly string[]): Promise<CreateResult> {
  let stdout = '';
  let stderr = '';
  const program = createProgram()
    .exitOverride()
    .configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  const written = vi.spyOn(process.stdout, 'write');
  let exitCode = 0;
  let error: CreateError | undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (caught) {
    if (caught instanceof CommanderError) exitCode = caught.exitCode;
    else if (caught instanceof CreateError) {
      error = caught;
      stderr += `error ${caught.code}: ${caught.message}\n`;
      exitCode = 1;
    } else throw caught;
  } finally {
    stdout += written.mock.calls.map(([chunk]) => String(chunk)).join('');
    written.mockRestore();
  }
  // Colour depends on where the suite runs (picocolors turns it on when CI is set): tests read the plain text.
  return { stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr), exitCode, error };
}
