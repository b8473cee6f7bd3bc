import type { BaselineServices } from '@baseline/core';
import type { CogManager } from '../cogs/cog-manager.js';
import { PrivacyCog } from '../privacy/privacy-cog.js';
import { SettingsCog } from '../settings/settings-cog.js';
import { StatusCog } from '../status/status-cog.js';
import { reportPluginCommands } from '../toggles/report-plugin-commands.js';
import type { CreateBotOptions } from './bot-options.js';

/**
 * Loads the bot's cogs in order: the built-in `/status`, `/privacy` and `/settings` (each unless turned off), every
 * plugin's cogs, then the app's own; then reports each plugin's commands to the toggle registry.
 */
export async function loadCogs(
  cogs: CogManager,
  services: BaselineServices,
  options: Pick<CreateBotOptions, 'statusCommand' | 'privacyCommand' | 'settingsCommand' | 'cogs'>,
): Promise<void> {
  if (options.statusCommand !== false) await cogs.load(StatusCog);
  if (options.privacyCommand !== false) await cogs.load(PrivacyCog);
  // `/settings` only exists when some plugin has settings to show (baseline's own `locale` alone does not add it).
  if (options.settingsCommand !== false && services.plugins.some((loaded) => loaded.plugin.settings !== undefined)) await cogs.load(SettingsCog);
  for (const loaded of services.plugins) {
    for (const cogClass of loaded.plugin.cogs ?? []) {
      await cogs.load(cogClass, { pluginId: loaded.id, settingsNamespace: loaded.settingsNamespace, storage: loaded.plugin.storage, logger: loaded.logger });
    }
  }
  for (const cogClass of options.cogs ?? []) await cogs.load(cogClass);
  await reportPluginCommands(
    services.toggles,
    cogs,
    services.plugins.map((loaded) => loaded.id),
  );
}
