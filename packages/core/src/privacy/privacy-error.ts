import { BaselineError } from '../errors/baseline-error.js';

/** Every code a {@link PrivacyError} can carry. */
export const PRIVACY_ERROR_CODES = {
  /** The id given for an erasure is not a Discord user id. */
  userIdInvalid: 'BL_ERR_PRIVACY_USER_ID_INVALID',
} as const;

export type PrivacyErrorCode = (typeof PRIVACY_ERROR_CODES)[keyof typeof PRIVACY_ERROR_CODES];

/** A user-data request that cannot be carried out; the message says what was wrong and what to pass instead. */
export class PrivacyError extends BaselineError {
  declare readonly code: PrivacyErrorCode;

  constructor(code: PrivacyErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
    this.name = 'PrivacyError';
  }
}
