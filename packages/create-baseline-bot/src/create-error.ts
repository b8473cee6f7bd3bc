/**
 * Every error code the scaffolder exits with. Its own small class rather than `@baseline/core`'s
 * `BaselineError`: `npx create-baseline-bot` should not download core's database stack to print a message.
 */
export const CREATE_ERROR_CODES = {
  /** The target folder exists and is not empty. */
  targetNotEmpty: 'BL_ERR_CREATE_TARGET_NOT_EMPTY',
  /** A name, template, package manager, plugin or provider that does not exist. */
  invalidAnswer: 'BL_ERR_CREATE_INVALID_ANSWER',
  /** Answers are missing and there is no terminal to ask them on. */
  noTerminal: 'BL_ERR_CREATE_NO_TERMINAL',
  /** The person cancelled a prompt. */
  cancelled: 'BL_ERR_CREATE_CANCELLED',
  /** `npm install`, `pnpm install` or `git init` failed. */
  childFailed: 'BL_ERR_CREATE_CHILD_FAILED',
} as const;

export type CreateErrorCode = (typeof CREATE_ERROR_CODES)[keyof typeof CREATE_ERROR_CODES];

/** An error the scaffolder prints as `error BL_ERR_CREATE_…: message` before exiting 1. */
export class CreateError extends Error {
  constructor(
    readonly code: CreateErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'CreateError';
  }
}
