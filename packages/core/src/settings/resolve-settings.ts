import type { SettingsDefinition } from './define-settings.js';

/** A stored settings object read through its current schema. */
export interface ResolvedSettings {
  value: Record<string, unknown>;
  /** Stored fields that no longer pass the schema and were replaced by their defaults. */
  replacedFields: string[];
}

/**
 * Reads a stored object through its namespace's schema, tolerating drift: a schema may have changed since the
 * object was stored. Each field that no longer passes falls back to its default; unknown fields are dropped.
 * When the repaired object still fails (an object-level refinement), the whole namespace falls back to its
 * defaults.
 */
export function resolveSettings(definition: SettingsDefinition, stored: Record<string, unknown> | undefined): ResolvedSettings {
  const { schema } = definition;
  if (stored === undefined) return { value: schema.parse({}), replacedFields: [] };
  const whole = schema.safeParse(stored);
  if (whole.success) return { value: whole.data, replacedFields: [] };

  const repaired: Record<string, unknown> = {};
  const replacedFields: string[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    if (!(key in stored)) continue;
    if (field.safeParse(stored[key]).success) repaired[key] = stored[key];
    else replacedFields.push(key);
  }
  const retried = schema.safeParse(repaired);
  if (retried.success) return { value: retried.data, replacedFields };
  return { value: schema.parse({}), replacedFields: Object.keys(schema.shape) };
}
