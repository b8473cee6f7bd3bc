import { getLogContext, type BaselineServices } from '@baseline/core';
import { bindLlm, type BoundLlm } from '@baseline/llm';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';

/**
 * A cog's `this.llm`: the LLM service bound to the cog and to the guild and user of the handler running now.
 * Handlers run inside a log context holding those ids (see `HandlerRunner`), so the binding follows the
 * interaction through every `await` without the cog passing anything.
 */
export function cogLlm(services: BaselineServices, cogName: string): BoundLlm {
  if (services.llm === undefined) {
    throw new BotError(
      BOT_ERROR_CODES.llmMissing,
      `cog "${cogName}" uses this.llm, but no LLM provider is configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY, GOOGLE_API_KEY or XAI_API_KEY (in development \`baseline dev\` and the demo start the provider emulators instead)`,
      { details: { cog: cogName } },
    );
  }
  const context = getLogContext();
  return bindLlm(services.llm, { guildId: context.guild_id ?? null, userId: context.user_id ?? null, cogName }, services.settings);
}
