import type { BaselineServices, Logger } from '@baseline/core';
import type { SapphireClient } from '@sapphire/framework';
import type { CogManager } from '../cogs/cog-manager.js';
import { formatCommandSyncPlan } from '../commands/plan-command-sync.js';
import { syncCommands, type CommandSyncResult } from '../commands/sync-commands.js';
import { commandSyncChannel, type CommandSyncObservation } from '../metrics/channels.js';
import type { CommandSyncSettings } from './bot-options.js';

/** `bot.commands.sync`: syncs Discord's registry with the loaded cogs. */
export type BotCommandSync = (settings?: CommandSyncSettings) => Promise<CommandSyncResult>;

/**
 * The sync of a logged-in bot's commands: the loaded cogs' bodies against Discord's registry (see `syncCommands`),
 * a dry run logged as a plan, each outcome published for the metrics.
 */
export function createBotCommandSync(client: SapphireClient<true>, services: BaselineServices, cogs: CogManager, logger: Logger): BotCommandSync {
  return async (settings = {}) => {
    const result = await syncCommands({
      rest: client.rest,
      applicationId: client.application?.id ?? client.user.id,
      kv: services.kv,
      logger: services.logger.child({ component: 'command-sync' }),
      commands: cogs.commandBodies(),
      ...settings,
    });
    if (settings.dryRun) logger.info({ plan: formatCommandSyncPlan(result.plans) }, 'command sync plan (dry run, nothing written)');
    const outcome = result.skipped ?? (settings.dryRun ? 'dry-run' : 'applied');
    commandSyncChannel.publish({ writes: result.writes, result: outcome } satisfies CommandSyncObservation);
    return result;
  };
}

/**
 * The sync at startup. A failed sync leaves Discord's commands as they were and the bot still serves them, so the
 * failure is logged and counted, and `undefined` returned.
 */
export async function syncAtStartup(sync: BotCommandSync, settings: CommandSyncSettings, logger: Logger): Promise<CommandSyncResult | undefined> {
  try {
    return await sync(settings);
  } catch (error) {
    logger.error({ err: error, code: (error as { code?: string }).code }, 'command sync failed; Discord keeps the commands it had');
    commandSyncChannel.publish({ writes: 0, result: 'failed' } satisfies CommandSyncObservation);
    return undefined;
  }
}
