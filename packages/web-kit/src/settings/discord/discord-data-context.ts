import { createContext, useContext } from 'react';
import { WEB_KIT_ERROR_CODES, WebKitError } from '../../errors/web-kit-error.js';
import type { SettingsDiscordData } from '../types.js';

/** The guild's channels, roles and member search, handed to the Discord pickers by {@link SettingsForms}. */
export const DiscordDataContext = createContext<SettingsDiscordData | undefined>(undefined);

/** The Discord data of the surrounding settings forms. */
export function useDiscordData(): SettingsDiscordData {
  const data = useContext(DiscordDataContext);
  if (data === undefined)
    throw new WebKitError(
      WEB_KIT_ERROR_CODES.contextMissing,
      'the Discord pickers of the settings forms need SettingsForms around them (it provides the guild data)',
    );
  return data;
}
