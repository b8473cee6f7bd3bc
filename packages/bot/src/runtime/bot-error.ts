import { BaselineError } from '@baseline/core';

/** Stable codes of the bot runtime's errors. */
export const BOT_ERROR_CODES = {
  tokenMissing: 'BL_ERR_BOT_TOKEN_MISSING',
  cogInvalid: 'BL_ERR_COG_INVALID',
  cogLoadFailed: 'BL_ERR_COG_LOAD_FAILED',
  cogConflict: 'BL_ERR_COG_CONFLICT',
  cogUnknown: 'BL_ERR_COG_UNKNOWN',
  commandsCreateLimit: 'BL_ERR_COMMANDS_CREATE_LIMIT',
  commandsSyncFailed: 'BL_ERR_COMMANDS_SYNC_FAILED',
  taskUnknown: 'BL_ERR_TASK_UNKNOWN',
  taskInvalid: 'BL_ERR_TASK_INVALID',
} as const;

export type BotErrorCode = (typeof BOT_ERROR_CODES)[keyof typeof BOT_ERROR_CODES];

/** An error of the bot runtime, with a `BL_ERR_BOT_*`, `BL_ERR_COG_*`, `BL_ERR_COMMANDS_*` or `BL_ERR_TASK_*` code. */
export class BotError extends BaselineError {
  constructor(code: BotErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
    this.name = 'BotError';
  }
}
