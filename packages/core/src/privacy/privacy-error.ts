import { BaselineError, type BaselineErrorOptions } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Every code a {@link PrivacyError} can carry: the `privacy` area of {@link CORE_ERROR_CODES}. */
export const PRIVACY_ERROR_CODES = CORE_ERROR_CODES.privacy;

export type PrivacyErrorCode = (typeof PRIVACY_ERROR_CODES)[keyof typeof PRIVACY_ERROR_CODES];

/** A user-data request that cannot be carried out; the message says what was wrong and what to pass instead. */
export class PrivacyError extends BaselineError {
  declare readonly code: PrivacyErrorCode;

  constructor(code: PrivacyErrorCode, message: string, options: BaselineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'PrivacyError';
  }
}
