import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import type { TranslationResources } from './create-translator.js';

/**
 * Baseline's own strings (namespace `baseline`): replies of `/status`, errors, "restarting", "disabled here",
 * `/privacy`, and the Discord localizations of baseline's commands. English and French.
 */
export const baselineTranslations: TranslationResources = { en, fr };
