import type { BaselineConfig } from '@baseline/core';
import { BOT_ERROR_CODES, BotError } from './bot-error.js';

/**
 * The bot token: `token` when given, else `DISCORD_BOT_TOKEN` from the configuration.
 * @throws BotError `BL_ERR_BOT_TOKEN_MISSING` when there is neither.
 */
export function requireToken(token: string | undefined, config: BaselineConfig): string {
  const resolved = token ?? config.discord.botToken;
  if (resolved !== undefined) return resolved;
  throw new BotError(
    BOT_ERROR_CODES.tokenMissing,
    'no bot token: set DISCORD_BOT_TOKEN, or run against the Discord emulator from @baseline/testing (set DISCORD_API_BASE_URL to its REST URL and DISCORD_BOT_TOKEN to its token)',
  );
}
