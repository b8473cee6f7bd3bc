import { BaselineError, type BaselineErrorOptions } from '@baseline/core/errors';
import { TESTING_ERROR_CODES } from '../testing-error-codes.js';

/** The codes a {@link DiscordEmulatorError} can carry: the `emulator` area of {@link TESTING_ERROR_CODES}. */
export const EMULATOR_ERROR_CODES = TESTING_ERROR_CODES.emulator;

/** Any code in {@link EMULATOR_ERROR_CODES}. */
export type EmulatorErrorCode = (typeof EMULATOR_ERROR_CODES)[keyof typeof EMULATOR_ERROR_CODES];

/**
 * An error the Discord emulator throws on purpose: a bad seed, a driver call naming something that does not exist,
 * an interaction the bot did not answer. `code` is stable, so tests match on it rather than on message text.
 */
export class DiscordEmulatorError extends BaselineError {
  declare readonly code: EmulatorErrorCode;

  constructor(code: EmulatorErrorCode, message: string, options: BaselineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'DiscordEmulatorError';
  }
}
