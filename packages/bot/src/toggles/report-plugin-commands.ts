import type { ToggleRegistry } from '@baseline/core';
import type { CogManager } from '../cogs/cog-manager.js';

/**
 * Tells the toggle registry which commands each plugin has, so the API lists them and refuses toggles of commands
 * that do not exist. Every bot process writes the same lists; the last write wins.
 */
export async function reportPluginCommands(toggles: ToggleRegistry, cogs: CogManager, pluginIds: readonly string[]): Promise<void> {
  for (const pluginId of pluginIds) {
    const commands = cogs
      .list()
      .filter((loaded) => loaded.pluginId === pluginId)
      .flatMap((loaded) => loaded.commands);
    await toggles.reportCommands(pluginId, commands);
  }
}
