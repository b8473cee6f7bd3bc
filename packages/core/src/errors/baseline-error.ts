/**
 * The base of every error baseline throws on purpose. `code` is stable and documented
 * (`BL_ERR_<AREA>_<PROBLEM>`), so callers and log queries match on it rather than on message text.
 *
 * @example
 * ```ts
 * throw new BaselineError('BL_ERR_PLUGIN_MANIFEST', `plugin "${name}": "baseline.entry" is missing`);
 * ```
 */
export class BaselineError extends Error {
  readonly code: string;
  /** Machine-readable details (field paths, plugin names, …); safe to log, never secret. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BaselineError';
    this.code = code;
    this.details = options.details;
  }
}

/** True when `error` is a {@link BaselineError}, optionally with the given code. */
export function isBaselineError(error: unknown, code?: string): error is BaselineError {
  return error instanceof BaselineError && (code === undefined || error.code === code);
}
