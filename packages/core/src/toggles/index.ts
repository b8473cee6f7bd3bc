export {
  createToggleRegistry,
  TOGGLES_CHANGED_CHANNEL,
  type CreateToggleRegistryOptions,
  type PluginToggles,
  type ToggleChange,
  type ToggleChangeMessage,
  type ToggleRegistry,
  type ToggleState,
} from './create-toggle-registry.js';
export { toggleDefaultsSchema, type ToggleDefaults } from './toggle-defaults.js';
export { TOGGLE_ERROR_CODES, ToggleError } from './toggle-errors.js';
