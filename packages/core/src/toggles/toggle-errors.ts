import { BaselineError } from '../errors/baseline-error.js';

/** Codes of the deliberate toggle errors. */
export const TOGGLE_ERROR_CODES = {
  /** A toggle names a plugin that is not loaded in this deployment. */
  unknownPlugin: 'BL_ERR_TOGGLES_UNKNOWN_PLUGIN',
  /** A toggle names a command the plugin does not declare. */
  unknownCommand: 'BL_ERR_TOGGLES_UNKNOWN_COMMAND',
} as const;

/** A toggle change that names something unknown; nothing was stored. */
export class ToggleError extends BaselineError {
  constructor(code: (typeof TOGGLE_ERROR_CODES)[keyof typeof TOGGLE_ERROR_CODES], message: string, details?: Record<string, unknown>) {
    super(code, message, details === undefined ? {} : { details });
    this.name = 'ToggleError';
  }
}
