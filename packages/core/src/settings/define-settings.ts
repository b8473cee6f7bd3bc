import { z } from 'zod';
import { SettingsError } from './settings-errors.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Brands what {@link defineSettings} returns, across copies of this package. */
export const SETTINGS_DEFINITION = Symbol.for('baseline.settings-definition');

/** Options of {@link defineSettings}. */
export interface SettingsOptions {
  /** Heading of the generated dashboard form (JSON Schema `title`). */
  title?: string;
  /** Explanation under the heading (JSON Schema `description`). */
  description?: string;
}

/** A validated per-guild settings schema: what a plugin exports and the registry registers. */
export interface SettingsDefinition<Schema extends z.ZodObject = z.ZodObject> {
  readonly [SETTINGS_DEFINITION]: true;
  readonly schema: Schema;
  /** The complete value a guild gets when nothing is stored. */
  readonly defaults: z.output<Schema>;
  readonly title: string | undefined;
  readonly description: string | undefined;
}

/** The settings object type of a definition. */
export type InferSettings<Definition> = Definition extends SettingsDefinition<infer Schema> ? z.output<Schema> : never;

/**
 * Declares a namespace of per-guild settings. Every field must have a default or be optional, so a guild that
 * never stored anything still gets a complete object. Nested objects need their own default: use
 * `.prefault({})` so their fields' defaults apply.
 *
 * @param schema - a `z.object` whose output is JSON (it is stored as `jsonb`).
 * @param options - the title and description of the generated form.
 * @throws SettingsError `BL_ERR_SETTINGS_DEFINITION_INVALID` naming the fields without default.
 * @example
 * ```ts
 * export const settings = defineSettings(
 *   z.object({
 *     maxWarnings: z.number().int().min(1).max(20).default(3),
 *     logChannelId: z.string().optional(),
 *   }),
 *   { title: 'Moderation' },
 * );
 * ```
 */
export function defineSettings<Schema extends z.ZodObject>(schema: Schema, options: SettingsOptions = {}): SettingsDefinition<Schema> {
  if (!(schema instanceof z.ZodObject)) {
    throw new SettingsError(CORE_ERROR_CODES.settings.definitionInvalid, 'defineSettings expects a z.object schema');
  }
  const missing = Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
  if (missing.length > 0) {
    throw new SettingsError(CORE_ERROR_CODES.settings.definitionInvalid, `settings fields need a default or .optional(): ${missing.join(', ')}`, {
      details: { fields: missing },
    });
  }
  const parsed = schema.safeParse({});
  if (!parsed.success) {
    throw new SettingsError(
      CORE_ERROR_CODES.settings.definitionInvalid,
      `the defaults of these settings do not pass their own schema: ${z.prettifyError(parsed.error)}`,
    );
  }
  return Object.freeze({
    [SETTINGS_DEFINITION]: true as const,
    schema,
    defaults: deepFreeze(parsed.data),
    title: options.title,
    description: options.description,
  });
}

/** True when `value` came from {@link defineSettings}. */
export function isSettingsDefinition(value: unknown): value is SettingsDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SETTINGS_DEFINITION] === true;
}

/** Freezes a JSON-like value and everything in it; settings values are shared and must not be mutated. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
