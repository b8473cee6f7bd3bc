import type { Logger } from 'pino';
import type { LoadedPlugin } from '../plugins/loaded-plugin.js';
import type { SettingsRegistry } from '../settings/create-settings-registry.js';
import { BASELINE_SETTINGS_NAMESPACE, baselineLocaleSettings } from './baseline-locale-settings.js';
import { baselineTranslations } from './baseline-translations.js';
import { BASELINE_NAMESPACE, createTranslator, type Translator } from './create-translator.js';

/**
 * The translator of a services container: baseline's namespace plus each plugin's `locales` under its id, and
 * baseline's `locale` setting registered with every language they ship. Registered before plugins' settings, so
 * no plugin can claim the `baseline` namespace.
 */
export function createServicesTranslator(plugins: readonly LoadedPlugin[], { settings, logger }: { settings: SettingsRegistry; logger: Logger }): Translator {
  const translator = createTranslator({ logger, namespaces: { [BASELINE_NAMESPACE]: baselineTranslations } });
  for (const loaded of plugins) {
    if (loaded.plugin.locales !== undefined) translator.addNamespace(loaded.id, loaded.plugin.locales);
  }
  settings.register(BASELINE_SETTINGS_NAMESPACE, baselineLocaleSettings(translator.languages()));
  return translator;
}
