/**
 * The locales Discord sends as `locale` / `guild_locale` and accepts as keys of `name_localizations` and
 * `description_localizations`. Kept here because `@baseline/core` has no Discord dependency; the list is
 * Discord's "Locales" reference table.
 */
export const DISCORD_LOCALES = [
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
] as const;

export type DiscordLocale = (typeof DISCORD_LOCALES)[number];

/** The language baseline falls back to, and the language of every command's default name and description. */
export const FALLBACK_LANGUAGE = 'en';

/**
 * The language of `languages` that serves `locale`: the locale itself when listed (`pt-BR`), else its language
 * part (`es-419` → `es`); `undefined` when neither is listed.
 */
export function matchLanguage(locale: string | null | undefined, languages: readonly string[]): string | undefined {
  if (locale === null || locale === undefined || locale === '') return undefined;
  if (languages.includes(locale)) return locale;
  const base = locale.split('-')[0]!;
  return languages.includes(base) ? base : undefined;
}
