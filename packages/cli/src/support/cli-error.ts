import { BaselineError, type BaselineErrorOptions } from '@baseline/core';
import type { CliErrorCode } from './cli-error-codes.js';

export { CLI_ERROR_CODES, type CliErrorCode } from './cli-error-codes.js';

/** An error the CLI reports as `error BL_ERR_CLI_…: message` and exits 1 with. */
export class CliError extends BaselineError {
  constructor(code: CliErrorCode, message: string, options: BaselineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'CliError';
  }
}
