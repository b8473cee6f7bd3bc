import { BaselineError, type BaselineErrorOptions } from '@baseline/core';

/** Stable codes of the bot runtime's errors. */
export const BOT_ERROR_CODES = {
  /** `createBot` without `DISCORD_BOT_TOKEN`. */
  tokenMissing: 'BL_ERR_BOT_TOKEN_MISSING',
  /** A cog definition that is malformed. */
  cogInvalid: 'BL_ERR_COG_INVALID',
  /** A cog whose loading threw; it is skipped, the others load. */
  cogLoadFailed: 'BL_ERR_COG_LOAD_FAILED',
  /** A cog claiming a command, listener or custom id prefix another cog holds. */
  cogConflict: 'BL_ERR_COG_CONFLICT',
  /** Unloading or reloading a cog that is not loaded. */
  cogUnknown: 'BL_ERR_COG_UNKNOWN',
  /** A command sync that would pass Discord's 200 creates a day; nothing was written. */
  commandsCreateLimit: 'BL_ERR_COMMANDS_CREATE_LIMIT',
  /** A command sync that Discord refused. */
  commandsSyncFailed: 'BL_ERR_COMMANDS_SYNC_FAILED',
  /** `GET /gateway/bot` failed while working out the shard count. */
  shardingGateway: 'BL_ERR_SHARDING_GATEWAY',
  /** `this.llm` used in a bot with no LLM provider configured. */
  llmMissing: 'BL_ERR_BOT_LLM_MISSING',
  /** `discordTools()` called for an interaction outside a guild (the tools read guild members and channels). */
  discordToolsOutsideGuild: 'BL_ERR_BOT_DISCORD_TOOLS_OUTSIDE_GUILD',
  /** `this.schedule()` or a job naming a task the cog does not declare. */
  taskUnknown: 'BL_ERR_TASK_UNKNOWN',
  /** A task declaration or schedule call that is malformed (bad cron, time zone, delay or payload). */
  taskInvalid: 'BL_ERR_TASK_INVALID',
} as const;

export type BotErrorCode = (typeof BOT_ERROR_CODES)[keyof typeof BOT_ERROR_CODES];

/** An error of the bot runtime, with a code from {@link BOT_ERROR_CODES}. */
export class BotError extends BaselineError {
  constructor(code: BotErrorCode, message: string, options: BaselineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'BotError';
  }
}
