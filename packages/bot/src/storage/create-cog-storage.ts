import { createPluginStorage, type BaselineServices, type PluginStorage, type StorageDefinition, type StorageValue } from '@baseline/core';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';

/**
 * A cog's view of its plugin's storage (`this.storage`). Built per access: it holds no state of its own, only the
 * services' database and key-value store.
 * @param pluginId - the cog's plugin; `undefined` for cogs the app passes to `createBot` (they have no storage)
 */
export function createCogStorage(
  services: BaselineServices,
  pluginId: string | undefined,
  definition: StorageDefinition | undefined,
  cogName: string,
): PluginStorage<Record<string, StorageValue>> {
  if (pluginId === undefined || definition === undefined) {
    throw new BotError(
      BOT_ERROR_CODES.cogInvalid,
      `cog "${cogName}" uses this.storage, but its plugin declares no storage: add storage: defineStorage({...}) to definePlugin`,
      {
        details: { cog: cogName, plugin: pluginId },
      },
    );
  }
  return createPluginStorage({ db: services.db, kv: services.kv, pluginId, definition }) as PluginStorage<Record<string, StorageValue>>;
}
