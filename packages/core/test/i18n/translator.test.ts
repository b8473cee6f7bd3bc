import { describe, expect, it } from 'vitest';
import { baselineTranslations, createLogger, createTranslator, resolveLocale, USER_LOCALE } from '../../src/index.js';
import { createLogCapture } from '../../src/testing/index.js';

function capture() {
  const { lines, destination } = createLogCapture();
  return { lines, logger: createLogger({ service: 'test', level: 'debug', destination }) };
}

const greeter = {
  en: { hi: 'Hi {{name}}', bye: 'Bye', commands: { greet: { name: 'greet', description: 'Say hi' } } },
  fr: { hi: 'Salut {{name}}', commands: { greet: { name: 'saluer', description: 'Dire bonjour' } } },
};

describe('translator', () => {
  it('GIVEN baseline and a plugin namespace THEN keys resolve per language, with namespace prefixes and interpolation', () => {
    const { logger } = capture();
    const translator = createTranslator({ logger, namespaces: { baseline: baselineTranslations, greeter } });
    expect(translator.languages()).toEqual(['en', 'fr']);
    expect(translator.t('fr', 'baseline:bot.restarting')).toBe('Le bot redémarre ; réessayez dans un instant.');
    expect(translator.t('en', 'bot.restarting')).toBe('The bot is restarting; please try again in a moment.');
    expect(translator.forLocale('fr', 'greeter')('hi', { name: 'Ada' })).toBe('Salut Ada');
    // A Discord locale with a region reads its language.
    expect(translator.forLocale('en-GB', 'greeter')('hi', { name: 'Ada' })).toBe('Hi Ada');
    // A language nobody ships reads English.
    expect(translator.forLocale('ja', 'greeter')('hi', { name: 'Ada' })).toBe('Hi Ada');
  });

  it('GIVEN a key missing in French THEN the English text is used and the gap is logged once', () => {
    const { lines, logger } = capture();
    const translator = createTranslator({ logger, namespaces: { greeter } });
    const t = translator.forLocale('fr', 'greeter');
    expect(t('bye')).toBe('Bye');
    expect(t('bye')).toBe('Bye');
    const missing = lines.filter((line) => line.msg === 'translation missing; replying in English');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ key: 'bye', language: 'fr' });
    expect(t('nowhere')).toBe('nowhere');
    expect(lines.filter((line) => line.msg === 'translation missing in English too; replying with the key')).toHaveLength(1);
  });

  it('GIVEN command strings THEN Discord localizations cover every Discord locale of a shipped language except English', () => {
    const { logger } = capture();
    const translator = createTranslator({ logger, namespaces: { greeter } });
    expect(translator.localizations('commands.greet.name', 'greeter')).toEqual({ fr: 'saluer' });
    translator.addNamespace('greeter', { es: { commands: { greet: { name: 'saludar' } } } });
    expect(translator.localizations('greeter:commands.greet.name')).toEqual({ fr: 'saluer', 'es-ES': 'saludar', 'es-419': 'saludar' });
  });
});

describe('resolveLocale', () => {
  const languages = ['en', 'fr'];
  it('GIVEN the guild setting, the guild locale and the user locale THEN the first one a namespace ships wins', () => {
    expect(resolveLocale({ guildSetting: 'fr', guildLocale: 'en-US', userLocale: 'en-US' }, languages)).toBe('fr');
    expect(resolveLocale({ guildLocale: 'fr', userLocale: 'en-US' }, languages)).toBe('fr');
    expect(resolveLocale({ guildLocale: 'de', userLocale: 'fr' }, languages)).toBe('fr');
    expect(resolveLocale({ guildLocale: 'en-US', userLocale: 'fr' }, languages)).toBe('en');
    expect(resolveLocale({ guildSetting: USER_LOCALE, guildLocale: 'en-US', userLocale: 'fr' }, languages)).toBe('fr');
    expect(resolveLocale({ guildLocale: null, userLocale: 'ko' }, languages)).toBe('en');
  });
});
