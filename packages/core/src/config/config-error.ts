import { BaselineError } from '../errors/baseline-error.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** One invalid environment variable, described without ever echoing a secret. */
export interface ConfigIssue {
  /** The variable's name, e.g. `HEALTH_PORT`. */
  readonly variable: string;
  /** What a valid value looks like, e.g. `an integer from 0 to 65535`. */
  readonly expected: string;
  /** What was received, safe to print: quoted text, `nothing`, or the length of a hidden secret. */
  readonly received: string;
  /** A short extra reason, e.g. `unknown: reactionz`. */
  readonly detail?: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Thrown by `loadConfig` when the environment is invalid. Lists every invalid variable at once, so one
 * restart is enough to fix them all. The message never contains secret values.
 *
 * @example
 * ```ts
 * try { loadConfig(); } catch (error) {
 *   if (error instanceof ConfigError) console.error(error.message); // HEALTH_PORT: expected …, got "80a" …
 * }
 * ```
 */
export class ConfigError extends BaselineError {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(CORE_ERROR_CODES.config.invalid, formatConfigIssues(issues), {
      details: { variables: issues.map((issue) => issue.variable) },
    });
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** One line per issue: `NAME: expected …, got … (detail). Fix: …`. */
export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  const count = issues.length === 1 ? '1 variable' : `${issues.length} variables`;
  const lines = issues.map((issue) => {
    const detail = issue.detail === undefined ? '' : ` (${issue.detail})`;
    return `  ${issue.variable}: expected ${issue.expected}, got ${issue.received}${detail}. Fix: ${issue.fix}`;
  });
  return [`Invalid configuration (${count}):`, ...lines].join('\n');
}

const MAX_ECHO = 80;

/**
 * Describes a received raw value for an error message.
 *
 * @param secret `true` hides the value entirely; `'url'` masks the credentials part of a URL.
 */
export function describeReceived(raw: string | undefined, secret?: true | 'url'): string {
  if (raw === undefined) return 'nothing';
  if (secret === true) return `a hidden value of ${raw.length} characters`;
  let shown = secret === 'url' ? maskCredentials(raw) : raw;
  if (shown.length > MAX_ECHO) shown = `${shown.slice(0, MAX_ECHO)}…`;
  return JSON.stringify(shown);
}

/** Masks everything before the last `@` (after `scheme://` when present): user names and passwords alike. */
function maskCredentials(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at < 0) return raw;
  const scheme = raw.indexOf('//');
  const prefix = scheme >= 0 && scheme < at ? raw.slice(0, scheme + 2) : '';
  return `${prefix}***${raw.slice(at)}`;
}
