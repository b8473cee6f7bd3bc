import { z } from 'zod';
import { defineSettings, type InferSettings } from '../settings/define-settings.js';
import { USER_LOCALE } from './resolve-locale.js';

/** The settings namespace of baseline itself (the guild's language). Plugin ids cannot take it. */
export const BASELINE_SETTINGS_NAMESPACE = 'baseline';

/**
 * Baseline's per-guild settings: `locale`, the language of every reply in the guild. Absent, the guild's preferred
 * locale in Discord is used when a namespace ships it, else each user's own. `user` always follows each user.
 *
 * @param languages - the languages loaded namespaces ship (`translator.languages()`); the setting offers these.
 */
export function baselineLocaleSettings(languages: readonly string[]) {
  return defineSettings(
    z.object({
      locale: z
        .enum([USER_LOCALE, ...languages] as [string, ...string[]])
        .optional()
        .describe(
          `Language of the bot's replies in this server (${languages.join(', ')}). Empty: the server's primary language in Discord when the bot has it, else each member's own. "${USER_LOCALE}": always each member's own language.`,
        ),
    }),
    { title: 'Language', description: 'The language baseline and its plugins reply in.' },
  );
}

/** The type of baseline's own settings namespace. */
export type BaselineLocaleSettings = InferSettings<ReturnType<typeof baselineLocaleSettings>>;

declare module '../settings/baseline-settings.js' {
  interface BaselineSettings {
    baseline: BaselineLocaleSettings;
  }
}
