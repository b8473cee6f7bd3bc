import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { CHANNEL_TYPES_KEYWORD, DISCORD_WIDGETS, WIDGET_KEYWORD } from './widget-keyword.js';

/**
 * The uiSchema of a namespace's form, derived from its JSON Schema:
 * - a field marked `"x-baseline-widget": "channel" | "role" | "member"` gets the matching Discord picker (the
 *   channel picker also receives `x-baseline-channel-types`), in objects and array items alike;
 * - a required string without a picker keeps `""` when emptied (rjsf would drop the key, and the server's schema
 *   accepts an empty string unless it sets `minLength`), so client and server validate the same value.
 */
export function buildUiSchema(schema: RJSFSchema, required = false): UiSchema {
  const ui: UiSchema = {};
  const widget = schema[WIDGET_KEYWORD];
  if (typeof widget === 'string' && widget in DISCORD_WIDGETS) {
    ui['ui:widget'] = DISCORD_WIDGETS[widget as keyof typeof DISCORD_WIDGETS];
    const types = schema[CHANNEL_TYPES_KEYWORD];
    if (Array.isArray(types)) ui['ui:options'] = { channelTypes: types.filter((type) => typeof type === 'number') };
  } else if (schema.type === 'string' && required && schema.enum === undefined) {
    ui['ui:emptyValue'] = '';
  }
  if (typeof schema.properties === 'object' && schema.properties !== null) {
    const requiredKeys = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [key, property] of Object.entries(schema.properties)) {
      if (typeof property === 'object' && property !== null) ui[key] = buildUiSchema(property as RJSFSchema, requiredKeys.has(key));
    }
  }
  if (typeof schema.items === 'object' && schema.items !== null && !Array.isArray(schema.items)) {
    // Array items are always present: an emptied text item stays an empty string rather than a hole.
    ui.items = buildUiSchema(schema.items as RJSFSchema, true);
  }
  return ui;
}
