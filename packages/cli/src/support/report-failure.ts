import pc from 'picocolors';
import { CLI_ERROR_CODES } from './cli-error-codes.js';

/**
 * Prints a failure as one line a person can act on: `error BL_ERR_…: message`. Coded errors from any baseline
 * package keep their code (recognised by the code, so this file does not load `@baseline/core`); anything
 * else is an unexpected failure, printed with its stack.
 */
export function reportFailure(error: unknown, write: (text: string) => void = (text) => process.stderr.write(text)): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && code.startsWith('BL_ERR_')) {
    write(`${pc.red('error')} ${pc.bold(code)}: ${error.message}\n`);
    return;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`${pc.red('error')} ${pc.bold(CLI_ERROR_CODES.unexpected)}: ${detail}\n`);
}
