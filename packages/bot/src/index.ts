// Runtime: build, start and stop a bot.
export { createBot } from './runtime/create-bot.js';
export type { Bot, CommandSyncSettings, CreateBotOptions } from './runtime/bot-options.js';
export { BotError, BOT_ERROR_CODES, type BotErrorCode } from './runtime/bot-error.js';
export { DEFAULT_BOT_MESSAGES, type BotMessages } from './runtime/handler-runner.js';
export { resolveIntents } from './runtime/resolve-intents.js';

// Cogs: what plugin authors write.
export { Cog, type CogBinding, type CogClass, type CogMeta } from './cogs/cog.js';
export { createCogSettings, type CogSettings } from './settings/create-cog-settings.js';
export { defineCog, type CogDefinition, type CogHandlers } from './cogs/define-cog.js';
export { component, contextMenu, listener, modal, slashCommand } from './cogs/define-handlers.js';
export type * from './cogs/cog-handlers.js';
export { CogManager, type CogFailure, type CogOrigin, type LoadedCog } from './cogs/cog-manager.js';
export { routeCustomId } from './cogs/pieces/interaction-handler-piece.js';
import './cogs/plugin-register.js';

// LLM in cogs: `this.llm`, answers streamed into Discord.
export { streamReply, type StreamableInteraction, type StreamReplyMessages, type StreamReplyOptions, type StreamReplyResult } from './llm/stream-reply.js';
export { splitForDiscord, DISCORD_MESSAGE_LIMIT } from './llm/split-for-discord.js';
export { discordTools, type DiscordToolName, type DiscordToolsOptions, type DiscordToolsScope } from './llm/discord-tools.js';
export { describeLlmError, DEFAULT_LLM_ERROR_MESSAGES, type LlmErrorMessages } from './llm/describe-llm-error.js';
// Scheduled tasks: cron, interval and one-off jobs, once per deployment on BullMQ.
export { cronTask, intervalTask, oneOffTask } from './tasks/task-definition.js';
export type {
  OneOffTaskDefinition,
  RecurringTaskDefinition,
  ScheduleOptions,
  TaskContext,
  TaskDefinition,
  TaskRepeat,
  TaskRetry,
} from './tasks/task-definition.js';
export type { CogChange } from './cogs/cog-manager.js';

// Command sync: diff with Discord's registry, write only differences.
export { commandBody } from './commands/command-body.js';
export { normalizeCommand } from './commands/normalize-command.js';
export { formatCommandSyncPlan, planCommandSync, planHasChanges, type CommandSyncPlan, type LiveCommand } from './commands/plan-command-sync.js';
export { DAILY_COMMAND_CREATE_LIMIT, syncCommands, type CommandSyncResult, type SyncCommandsOptions } from './commands/sync-commands.js';

// /status.
export { StatusCog } from './status/status-cog.js';
export { collectBotStatus, type BotStatus } from './status/collect-status.js';
export { formatStatusEmbed, formatUptime } from './status/format-status.js';

// Localization: the interaction's locale and the Discord localizations of command bodies.
export { currentLocale, resolveInteractionLocale, withLocale, type LocaleCarrier } from './i18n/interaction-locale.js';
export { localizeCommand, type LocalizationProblem } from './i18n/localize-command.js';
export { createBotLocalization, type BotLocalization } from './i18n/bot-localization.js';

// /privacy delete-my-data.
export { PrivacyCog } from './privacy/privacy-cog.js';
export { formatErasure } from './privacy/format-erasure.js';

// Cache limits for many guilds.
export { BASELINE_CACHE_LIMITS, BASELINE_SWEEPERS, createCacheOptions, type BotCacheOptions } from './cache/create-cache-options.js';

// Guild tracking.
export * from './guilds/index.js';
// Health endpoint.
export * from './health/index.js';
// Shard status in the key-value store.
export * from './shards/index.js';
// Sharding: shard ranges, identify concurrency, multi-process clusters.
export * from './sharding/index.js';
// Prometheus metrics (served on the health server's /metrics).
export * from './metrics/index.js';
