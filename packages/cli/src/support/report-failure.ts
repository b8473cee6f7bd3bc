import { isBaselineError } from '@baseline/core';
import pc from 'picocolors';

/**
 * Prints a failure as one line a person can act on: `error BL_ERR_…: message`. Coded errors from any baseline
 * package keep their code; anything else is an unexpected failure, printed with its stack.
 */
export function reportFailure(error: unknown, write: (text: string) => void = (text) => process.stderr.write(text)): void {
  if (isBaselineError(error)) {
    write(`${pc.red('error')} ${pc.bold(error.code)}: ${error.message}\n`);
    return;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`${pc.red('error')} ${pc.bold('BL_ERR_CLI_UNEXPECTED')}: ${detail}\n`);
}
