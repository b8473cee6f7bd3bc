/** What every {@link BaselineError} may carry besides its code and message. */
export interface BaselineErrorOptions {
  /** The error this one wraps. */
  cause?: unknown;
  /** Machine-readable details (field paths, plugin names, …); safe to log, never secret. */
  details?: Record<string, unknown>;
}

/**
 * The base of every error baseline throws on purpose. `code` is stable and documented
 * (`BL_ERR_<AREA>_<PROBLEM>`), so callers and log queries match on it rather than on message text.
 *
 * Every error class of every package extends it and takes the same arguments, `(code, message, options)`, where
 * `options` is {@link BaselineErrorOptions} plus what the subclass adds (an HTTP status, a plugin identity).
 * Each package lists the codes it throws in one table (`CORE_ERROR_CODES`, `API_ERROR_CODES`, …), and throw
 * sites name a code through that table.
 *
 * @example
 * ```ts
 * throw new BaselineError(CORE_ERROR_CODES.kv.lockBusy, `lock "${name}" is held by another process`, { details: { name } });
 * ```
 */
export class BaselineError extends Error {
  readonly code: string;
  /** Machine-readable details (field paths, plugin names, …); safe to log, never secret. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: BaselineErrorOptions = {}) {
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
