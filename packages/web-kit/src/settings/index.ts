// Settings forms generated from the API's settings JSON Schema.
export { SettingsForms } from './settings-forms.js';
export { CHANNEL_TYPES_KEYWORD, WIDGET_KEYWORD } from './widget-keyword.js';
export type { SaveOutcome, SettingsChannel, SettingsDiscordData, SettingsFieldError, SettingsFormsProps, SettingsMember, SettingsRole } from './types.js';
