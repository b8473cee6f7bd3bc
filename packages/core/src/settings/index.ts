export type { AllSettings, BaselineSettings, SettingsOf } from './baseline-settings.js';
export {
  defineSettings,
  isSettingsDefinition,
  type InferSettings,
  type SettingsDefinition,
  type SettingsOptions,
} from './define-settings.js';
export {
  createSettingsRegistry,
  type SetManySettingsOptions,
  type SetSettingsOptions,
  type SettingsRegistry,
  type SettingsRegistryOptions,
} from './create-settings-registry.js';
export { SETTINGS_CHANGED_CHANNEL, settingsVersionKey, type SettingsChange } from './settings-change.js';
export { SettingsError, SettingsValidationError, type SettingsIssue } from './settings-errors.js';
export type { JsonSchema } from './settings-json-schema.js';
export { mergeSettingsPatch, type SettingsPatch } from './merge-settings-patch.js';
export { resetSettings, type ResetSettingsOptions } from './reset-settings.js';
