export { installBotMetrics, type BotMetrics } from './bot-metrics.js';
export { commandSyncChannel, interactionChannel, llmUsageChannel, type CommandSyncObservation, type InteractionObservation } from './channels.js';
