import type { JsonSchema } from '@baseline/core';

/** One field of a settings namespace as the `/settings` command shows and completes it. */
export interface SettingsField {
  name: string;
  /** JSON Schema type: `string`, `number`, `integer`, `boolean`, `array`, `object`. */
  type: string;
  /** The allowed values, from a `z.enum` (or `true`/`false` for booleans): offered as choices. */
  choices: readonly (string | number | boolean)[];
  /** From `.describe()` / `.meta({ description })`. */
  description: string | undefined;
}

/**
 * The fields of a namespace's JSON Schema (what `settings.jsonSchema(namespace)` returns, generated from its zod
 * schema): the `/settings` command's field and value choices come from here, never from a second list.
 */
export function settingsFields(schema: JsonSchema): SettingsField[] {
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).map(([name, property]) => {
    const variants = (property['anyOf'] as Record<string, unknown>[] | undefined) ?? [property];
    const main = variants.find((variant) => variant['type'] !== 'null') ?? property;
    const type = typeof main['type'] === 'string' ? main['type'] : 'string';
    const enumValues = Array.isArray(main['enum']) ? (main['enum'] as (string | number | boolean)[]) : type === 'boolean' ? [true, false] : [];
    const description =
      typeof property['description'] === 'string' ? property['description'] : typeof main['description'] === 'string' ? main['description'] : undefined;
    return { name, type, choices: enumValues, description };
  });
}

/**
 * Reads what a user typed as a setting's value: `null` clears the field, JSON (`5`, `true`, `["a"]`) is parsed,
 * anything else is a string. The namespace's schema validates the result.
 */
export function parseSettingValue(raw: string): unknown {
  const text = raw.trim();
  if (text === 'null') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A value as the command shows it: JSON, with absent optional fields shown as "not set". */
export function formatSettingValue(value: unknown): string {
  if (value === undefined) return '*not set*';
  const text = JSON.stringify(value);
  return text.length > 1000 ? `${text.slice(0, 997)}…` : text;
}
