import type { SettingsDefinition } from './define-settings.js';

/** A change to a settings object: any subset of its fields, each a new value or `null` to clear it. */
export type SettingsPatch<Settings> = { [Key in keyof Settings]?: Settings[Key] | null };

/**
 * Applies a partial change to a namespace's current value. A field set to `null` is cleared: an optional field
 * becomes absent and a field with a default gets its default again, unless the field's schema accepts `null`
 * itself (`.nullable()`), which then stores `null`. Other fields given replace the current ones; the result is
 * validated by the caller.
 *
 * @param definition - the namespace's settings definition
 * @param current - the current complete value (defaults filled)
 * @param patch - the fields to change
 * @example
 * ```ts
 * mergeSettingsPatch(welcome, { channelId: '123', greeting: 'Hi' }, { channelId: null }); // → { greeting: 'Hi' }
 * ```
 */
export function mergeSettingsPatch(
  definition: SettingsDefinition,
  current: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const field = definition.schema.shape[key];
    if (value === null && field !== undefined && !field.safeParse(null).success) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
