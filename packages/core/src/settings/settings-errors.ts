import { BaselineError, type BaselineErrorOptions } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Any code in `CORE_ERROR_CODES.settings`. */
export type SettingsErrorCode = (typeof CORE_ERROR_CODES.settings)[keyof typeof CORE_ERROR_CODES.settings];

/** One rejected field of a settings update. */
export interface SettingsIssue {
  /** `<namespace>.<field path>`, e.g. `moderation.maxWarnings` or `welcome.channels.0`. */
  path: string;
  /** What is wrong, from the schema. */
  message: string;
  /** zod's issue code (`too_big`, `invalid_type`, …). */
  code: string;
}

/**
 * A settings update that does not match its namespace's schema (`BL_ERR_SETTINGS_INVALID`). Nothing was stored.
 */
export class SettingsValidationError extends BaselineError {
  readonly issues: readonly SettingsIssue[];

  constructor(guildId: string, namespace: string, issues: readonly SettingsIssue[]) {
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    super(CORE_ERROR_CODES.settings.invalid, `invalid settings for "${namespace}" in guild ${guildId}: ${summary}`, {
      details: { guildId, namespace, issues },
    });
    this.name = 'SettingsValidationError';
    this.issues = issues;
  }
}

/** A deliberate settings error other than an invalid update; its code is one of `CORE_ERROR_CODES.settings`. */
export class SettingsError extends BaselineError {
  declare readonly code: SettingsErrorCode;

  constructor(code: SettingsErrorCode, message: string, options: BaselineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'SettingsError';
  }
}
