import { z } from 'zod';
import type { SettingsDefinition } from './define-settings.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of one namespace, from which the dashboard generates its form. It describes the complete
 * object `get` returns (every field present, defaults under `default`), and carries the definition's title and
 * description.
 *
 * @example
 * ```ts
 * const schema = settingsJsonSchema(defineSettings(z.object({ maxWarnings: z.number().int().default(3) })));
 * // { type: 'object', properties: { maxWarnings: { type: 'integer', default: 3, … } }, … }
 * ```
 */
export function settingsJsonSchema(definition: SettingsDefinition): JsonSchema {
  const schema: JsonSchema = z.toJSONSchema(definition.schema, {
    target: 'draft-2020-12',
    io: 'output',
    // A field zod cannot express (a transform, a custom check) becomes "anything" instead of failing the export.
    unrepresentable: 'any',
  });
  if (definition.title !== undefined) schema.title = definition.title;
  if (definition.description !== undefined) schema.description = definition.description;
  return schema;
}

/**
 * One JSON Schema object whose properties are all the given namespaces: what `GET /api/v1/settings/schema` serves.
 *
 * @param definitions - settings definitions by namespace.
 * @example
 * ```ts
 * const schema = allSettingsJsonSchema(new Map([['moderation', moderationSettings]]));
 * schema.properties.moderation; // the namespace's own schema, without `$schema`
 * ```
 */
export function allSettingsJsonSchema(definitions: ReadonlyMap<string, SettingsDefinition>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [namespace, definition] of definitions) {
    const { $schema: _ignored, ...schema } = settingsJsonSchema(definition);
    properties[namespace] = schema;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}
