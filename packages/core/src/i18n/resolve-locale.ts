import { FALLBACK_LANGUAGE, matchLanguage } from './discord-locales.js';

/** The value of the `baseline.locale` setting that hands the choice to each user's Discord language. */
export const USER_LOCALE = 'user';

/** What decides the language of one reply. */
export interface LocaleSources {
  /** The guild's `baseline.locale` setting: a language, {@link USER_LOCALE}, or absent (not chosen). */
  readonly guildSetting?: string | undefined;
  /** The guild's preferred locale (Discord's `guild_locale`); absent in DMs. */
  readonly guildLocale?: string | null | undefined;
  /** The user's Discord client language (Discord's `locale`). */
  readonly userLocale?: string | null | undefined;
}

/**
 * The language of a reply, first match wins:
 * 1. the guild's `baseline.locale` setting when it names a language;
 * 2. unless the setting is `user`: the guild's preferred locale, when some namespace has that language;
 * 3. the user's own locale, when some namespace has that language;
 * 4. English.
 *
 * @param languages - the languages any loaded namespace ships (`translator.languages`).
 * @example
 * ```ts
 * resolveLocale({ guildLocale: 'en-US', userLocale: 'fr' }, ['en', 'fr']); // 'en'
 * resolveLocale({ guildSetting: 'user', guildLocale: 'en-US', userLocale: 'fr' }, ['en', 'fr']); // 'fr'
 * ```
 */
export function resolveLocale(sources: LocaleSources, languages: readonly string[]): string {
  const { guildSetting, guildLocale, userLocale } = sources;
  const chosen = guildSetting === USER_LOCALE ? undefined : matchLanguage(guildSetting, languages);
  if (chosen !== undefined) return chosen;
  const fromGuild = guildSetting === USER_LOCALE ? undefined : matchLanguage(guildLocale, languages);
  return fromGuild ?? matchLanguage(userLocale, languages) ?? FALLBACK_LANGUAGE;
}
