import type { BaselineServices } from '@baseline/core';
import type { BotMessages } from '../runtime/handler-runner.js';
import { resolveInteractionLocale, type LocaleCarrier } from './interaction-locale.js';

/** How the bot finds the language of an interaction and what it says in it. */
export interface BotLocalization {
  /** The language to answer this interaction in (see `resolveInteractionLocale`). */
  localeOf(interaction: LocaleCarrier): Promise<string>;
  /** Baseline's replies in `locale`: the `baseline` namespace, except messages the app overrides (used as given). */
  messages(locale: string): BotMessages;
}

/**
 * Builds the bot's localization from the services' translator.
 * @param overrides - `createBot({ messages })`: fixed texts that replace the translated ones in every language.
 */
export function createBotLocalization(services: BaselineServices, overrides: Partial<BotMessages> = {}): BotLocalization {
  const byLocale = new Map<string, BotMessages>();
  return {
    localeOf: (interaction) => resolveInteractionLocale(services, interaction),
    messages(locale) {
      let messages = byLocale.get(locale);
      if (messages === undefined) {
        const t = services.i18n.forLocale(locale);
        messages = {
          error: (correlationId) => t('error.handlerFailed', { correlationId }),
          restarting: t('bot.restarting'),
          unavailable: t('command.unavailable'),
          denied: t('command.denied'),
          cooldown: (seconds) => t('command.cooldown', { seconds }),
          disabled: t('command.disabledHere'),
          ...overrides,
        };
        byLocale.set(locale, messages);
      }
      return messages;
    },
  };
}
