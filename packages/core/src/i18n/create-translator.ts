import i18next, { type i18n as I18n } from 'i18next';
import type { Logger } from 'pino';
import { DISCORD_LOCALES, FALLBACK_LANGUAGE, matchLanguage, type DiscordLocale } from './discord-locales.js';

/** One language of a namespace: nested keys whose leaves are i18next strings (`"Hi {{name}}"`). */
export interface TranslationTree {
  readonly [key: string]: string | TranslationTree;
}

/** A namespace's strings by language (`{ en: {...}, fr: {...} }`); English is the fallback of every other. */
export type TranslationResources = Readonly<Record<string, TranslationTree>>;

/** Values interpolated into a string; `count` also picks the plural form (`key_one`, `key_other`). */
export type TranslationVars = Readonly<Record<string, string | number | bigint | boolean | null | undefined>>;

/** Translates one key into one fixed language and namespace. */
export type TranslateFunction = (key: string, vars?: TranslationVars) => string;

/** The namespace of baseline's own strings. */
export const BASELINE_NAMESPACE = 'baseline';

/**
 * The process's translations, on one i18next instance: baseline's namespace and every plugin's. Keys name their
 * namespace as `namespace:path.to.key`; without a prefix the namespace passed to {@link Translator.forLocale}
 * (else `baseline`) is used.
 */
export interface Translator {
  /** Every language some namespace ships, English first. */
  languages(): string[];
  /** The registered namespaces. */
  namespaces(): string[];
  /**
   * Adds a namespace's strings. A namespace given twice is merged, later strings winning.
   * @param namespace - a plugin id, or `baseline`.
   */
  addNamespace(namespace: string, resources: TranslationResources): void;
  /**
   * The string of `key` in `locale` (a language or a Discord locale such as `es-419`). A key missing in that
   * language falls back to English and is logged once per language and key; a key missing in English too
   * comes back as the key itself.
   */
  t(locale: string, key: string, vars?: TranslationVars): string;
  /** {@link Translator.t} bound to one locale, unprefixed keys read from `namespace`. */
  forLocale(locale: string, namespace?: string): TranslateFunction;
  /**
   * Discord's localization map for `key`: every Discord locale whose language (other than English) has the key
   * itself, not through the fallback. Feeds `name_localizations` and `description_localizations`.
   */
  localizations(key: string, namespace?: string): Partial<Record<DiscordLocale, string>>;
}

/** Options of {@link createTranslator}. */
export interface CreateTranslatorOptions {
  /** Receives missing keys (once each) and i18next's own warnings. */
  logger: Logger;
  /** Namespaces present from the start. */
  namespaces?: Readonly<Record<string, TranslationResources>>;
}

/**
 * Creates the translator. Resources are given in memory (plugins import their JSON files), so i18next initialises
 * synchronously and no backend reads files at run time.
 *
 * @example
 * ```ts
 * const translator = createTranslator({ logger, namespaces: { welcome: { en: { hi: 'Hi {{name}}' }, fr: { hi: 'Salut {{name}}' } } } });
 * translator.t('fr', 'welcome:hi', { name: 'Ada' }); // 'Salut Ada'
 * ```
 */
export function createTranslator({ logger: parentLogger, namespaces = {} }: CreateTranslatorOptions): Translator {
  const logger = parentLogger.child({ component: 'i18n' });
  const i18n: I18n = i18next.createInstance();
  i18n
    .use({
      type: 'logger',
      log: () => {},
      warn: (args: unknown[]) => logger.warn({ detail: args.map(String).join(' ') }, 'i18next warning'),
      error: (args: unknown[]) => logger.error({ detail: args.map(String).join(' ') }, 'i18next error'),
    })
    .init({
      initAsync: false,
      resources: {},
      fallbackLng: FALLBACK_LANGUAGE,
      defaultNS: BASELINE_NAMESPACE,
      ns: [],
      nsSeparator: ':',
      keySeparator: '.',
      returnNull: false,
      // Replies are Discord markdown, not HTML.
      interpolation: { escapeValue: false },
    });
  const languages = new Set<string>([FALLBACK_LANGUAGE]);
  const reported = new Set<string>();

  function split(key: string, namespace: string): [string, string] {
    const at = key.indexOf(':');
    return at === -1 ? [namespace, key] : [key.slice(0, at), key.slice(at + 1)];
  }

  function exists(language: string, namespace: string, path: string, vars: TranslationVars | undefined): boolean {
    return i18n.exists(path, { ...vars, lng: language, ns: namespace, fallbackLng: false });
  }

  function reportOnce(language: string, namespace: string, path: string, fallback: boolean): void {
    const id = `${language}\u0000${namespace}\u0000${path}`;
    if (reported.has(id)) return;
    reported.add(id);
    logger.warn(
      { language, namespace, key: path },
      fallback ? 'translation missing; replying in English' : 'translation missing in English too; replying with the key',
    );
  }

  function translate(locale: string, key: string, vars: TranslationVars | undefined, defaultNamespace: string): string {
    const [namespace, path] = split(key, defaultNamespace);
    const language = matchLanguage(locale, [...languages]) ?? FALLBACK_LANGUAGE;
    if (language !== FALLBACK_LANGUAGE && !exists(language, namespace, path, vars)) reportOnce(language, namespace, path, true);
    if (!exists(FALLBACK_LANGUAGE, namespace, path, vars) && (language === FALLBACK_LANGUAGE || !exists(language, namespace, path, vars))) {
      reportOnce(FALLBACK_LANGUAGE, namespace, path, false);
    }
    return i18n.t(path, { ...vars, lng: language, ns: namespace });
  }

  const translator: Translator = {
    languages: () => [...languages],
    namespaces: () => [...new Set(Object.keys(i18n.store.data).flatMap((language) => Object.keys(i18n.store.data[language] ?? {})))],
    addNamespace(namespace, resources) {
      for (const [language, tree] of Object.entries(resources)) {
        i18n.addResourceBundle(language, namespace, tree, true, true);
        languages.add(language);
      }
    },
    t: (locale, key, vars) => translate(locale, key, vars, BASELINE_NAMESPACE),
    forLocale:
      (locale, namespace = BASELINE_NAMESPACE) =>
      (key, vars) =>
        translate(locale, key, vars, namespace),
    localizations(key, namespace = BASELINE_NAMESPACE) {
      const [ns, path] = split(key, namespace);
      const known = [...languages];
      const result: Partial<Record<DiscordLocale, string>> = {};
      for (const locale of DISCORD_LOCALES) {
        const language = matchLanguage(locale, known);
        if (language === undefined || language === FALLBACK_LANGUAGE || !exists(language, ns, path, undefined)) continue;
        result[locale] = i18n.t(path, { lng: language, ns });
      }
      return result;
    },
  };
  for (const [namespace, resources] of Object.entries(namespaces)) translator.addNamespace(namespace, resources);
  return translator;
}
