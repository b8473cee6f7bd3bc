export type { AllSettings, BaselineSettings, SettingsOf } from './baseline-settings.js';
export { defineSettings, isSettingsDefinition, type InferSettings, type SettingsDefinition, type SettingsOptions } from './define-settings.js';
export {
  createSettingsRegistry,
  type SetManySettingsOptions,
  type SetSettingsOptions,
  type SettingsRegistry,
  type SettingsRegistryOptions,
  type SettingsWithRevision,
} from './create-settings-registry.js';
export { settingsRevision } from './settings-revision.js';
export type { WriteManyOptions, WriteManyResult } from './store.js';
export { SETTINGS_CHANGED_CHANNEL, settingsVersionKey, type SettingsChange } from './settings-change.js';
export { SettingsError, SettingsValidationError, type SettingsErrorCode, type SettingsIssue } from './settings-errors.js';
export { mergeSettingsPatch, type SettingsPatch } from './merge-settings-patch.js';
export { resetSettings, type ResetSettingsOptions } from './reset-settings.js';
export { allSettingsJsonSchema, settingsJsonSchema, type JsonSchema } from './settings-json-schema.js';
export { SETTINGS_CHANNEL_TYPES_KEYWORD, SETTINGS_WIDGET_KEYWORD, settingsField, type ChannelFieldOptions, type SettingsWidget } from './settings-field.js';
