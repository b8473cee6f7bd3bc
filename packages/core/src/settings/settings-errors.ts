import { BaselineError } from '../errors/baseline-error.js';

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
    super('BL_ERR_SETTINGS_INVALID', `invalid settings for "${namespace}" in guild ${guildId}: ${summary}`, {
      details: { guildId, namespace, issues },
    });
    this.name = 'SettingsValidationError';
    this.issues = issues;
  }
}

/**
 * The other deliberate settings errors: `BL_ERR_SETTINGS_DEFINITION_INVALID` (a schema field without default),
 * `BL_ERR_SETTINGS_NAMESPACE_INVALID`, `BL_ERR_SETTINGS_NAMESPACE_DUPLICATE`, `BL_ERR_SETTINGS_NAMESPACE_UNKNOWN`,
 * `BL_ERR_SETTINGS_CHANGED` (a conditional write over settings that changed since their revision was read).
 */
export class SettingsError extends BaselineError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details === undefined ? {} : { details });
    this.name = 'SettingsError';
  }
}
