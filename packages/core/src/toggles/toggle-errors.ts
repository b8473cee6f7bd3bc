import { BaselineError, type BaselineErrorOptions } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Codes of the deliberate toggle errors: the `toggles` area of {@link CORE_ERROR_CODES}. */
export const TOGGLE_ERROR_CODES = CORE_ERROR_CODES.toggles;

export type ToggleErrorCode = (typeof TOGGLE_ERROR_CODES)[keyof typeof TOGGLE_ERROR_CODES];

/** A toggle change that names something unknown; nothing was stored. */
export class ToggleError extends BaselineError {
  declare readonly code: ToggleErrorCode;

  constructor(code: ToggleErrorCode, message: string, options: BaselineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'ToggleError';
  }
}
