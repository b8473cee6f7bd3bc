import { AsyncLocalStorage } from 'node:async_hooks';
import { BASELINE_SETTINGS_NAMESPACE, FALLBACK_LANGUAGE, resolveLocale, type BaselineServices } from '@baseline/core';

/** What the locale of an interaction is read from: discord.js interactions have all three. */
export interface LocaleCarrier {
  readonly guildId: string | null;
  /** The guild's preferred locale (`guild_locale`). */
  readonly guildLocale: string | null;
  /** The user's client language. */
  readonly locale: string;
}

const storage = new AsyncLocalStorage<string>();

/** Runs `fn` with `locale` as the language of `this.t` in cogs, across awaits. */
export function withLocale<T>(locale: string, fn: () => T): T {
  return storage.run(locale, fn);
}

/** The language of the interaction being handled; English outside a handler. */
export function currentLocale(): string {
  return storage.getStore() ?? FALLBACK_LANGUAGE;
}

/**
 * The language to answer `interaction` in: the guild's `baseline.locale` setting, else the guild's preferred locale,
 * else the user's (see `resolveLocale`). The setting is read through the settings cache; if it cannot be read the
 * reply still goes out, in the language the other two give.
 */
export async function resolveInteractionLocale(services: BaselineServices, interaction: LocaleCarrier): Promise<string> {
  let guildSetting: string | undefined;
  if (interaction.guildId !== null) {
    try {
      guildSetting = (await services.settings.get(interaction.guildId, BASELINE_SETTINGS_NAMESPACE)).locale;
    } catch (error) {
      services.logger.warn({ err: error, guild_id: interaction.guildId }, 'guild locale setting unreadable; using the Discord locales');
    }
  }
  return resolveLocale({ guildSetting, guildLocale: interaction.guildLocale, userLocale: interaction.locale }, services.i18n.languages());
}
