import type { Translator } from '@baseline/core';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

type Json = Record<string, unknown>;

/** Discord's rule for localized command and option names (lowercase for slash commands). */
const SLASH_NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MENU_NAME_MAX = 32;
const DESCRIPTION_MAX = 100;

/** A translated name or description Discord would refuse; left out of the body. */
export interface LocalizationProblem {
  readonly key: string;
  readonly locale: string;
  readonly reason: string;
}

/**
 * Adds Discord localizations to a command body from a namespace's strings: `commands.<command>.name` and
 * `.description`, and for options (subcommands and groups too) `commands.<command>.options.<option>.name` and
 * `.description`, nested as the options are. Maps the body already sets are kept. Translations Discord would refuse
 * (a name with capitals or spaces, text too long) are left out and returned as problems.
 *
 * @param namespace - the plugin id (or `baseline`) whose strings describe the command.
 */
export function localizeCommand(
  body: RESTPostAPIApplicationCommandsJSONBody,
  translator: Translator,
  namespace: string,
): { body: RESTPostAPIApplicationCommandsJSONBody; problems: LocalizationProblem[] } {
  const problems: LocalizationProblem[] = [];
  const slash = ((body as unknown as Json)['type'] ?? 1) === 1;

  const localized = (key: string, kind: 'name' | 'description'): Record<string, string> | undefined => {
    const entries = Object.entries(translator.localizations(`${key}.${kind}`, namespace)).filter(([locale, text]) => {
      const reason =
        kind === 'description'
          ? text.length === 0 || text.length > DESCRIPTION_MAX
            ? `must be 1 to ${DESCRIPTION_MAX} characters`
            : undefined
          : slash
            ? SLASH_NAME.test(text)
              ? undefined
              : 'must be 1 to 32 lowercase letters, digits, "-" or "_"'
            : text.length === 0 || text.length > MENU_NAME_MAX
              ? `must be 1 to ${MENU_NAME_MAX} characters`
              : undefined;
      if (reason !== undefined) problems.push({ key: `${namespace}:${key}.${kind}`, locale, reason });
      return reason === undefined;
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  };

  const apply = (node: Json, key: string, withDescription: boolean): Json => {
    const result: Json = { ...node };
    if (node['name_localizations'] == null) {
      const names = localized(key, 'name');
      if (names !== undefined) result['name_localizations'] = names;
    }
    if (withDescription && node['description_localizations'] == null) {
      const descriptions = localized(key, 'description');
      if (descriptions !== undefined) result['description_localizations'] = descriptions;
    }
    const options = node['options'] as Json[] | undefined;
    if (options !== undefined) {
      result['options'] = options.map((option) => apply(option, `${key}.options.${String(option['name'])}`, true));
    }
    return result;
  };

  return { body: apply(body as unknown as Json, `commands.${body.name}`, slash) as unknown as RESTPostAPIApplicationCommandsJSONBody, problems };
}
