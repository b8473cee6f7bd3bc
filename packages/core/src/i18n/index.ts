export {
  BASELINE_NAMESPACE,
  createTranslator,
  type CreateTranslatorOptions,
  type TranslateFunction,
  type TranslationResources,
  type TranslationTree,
  type TranslationVars,
  type Translator,
} from './create-translator.js';
export { baselineTranslations } from './baseline-translations.js';
export { BASELINE_SETTINGS_NAMESPACE, baselineLocaleSettings, type BaselineLocaleSettings } from './baseline-locale-settings.js';
export { DISCORD_LOCALES, FALLBACK_LANGUAGE, matchLanguage, type DiscordLocale } from './discord-locales.js';
export { resolveLocale, USER_LOCALE, type LocaleSources } from './resolve-locale.js';
