import { z } from 'zod';

/** The object schema inside wrappers that only change presence (`optional`, `default`, `prefault`, `nullable`). */
function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  let current: unknown = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    if (current instanceof z.ZodObject) return current;
    const inner = (current as { _zod?: { def?: { innerType?: unknown } } })._zod?.def?.innerType;
    if (inner === undefined) return undefined;
    current = inner;
  }
  return undefined;
}

/**
 * Dotted paths (under `prefix`) of the fields in `value` that `schema` does not declare, at any depth of nested
 * objects. The published JSON Schema says `additionalProperties: false`, so such fields are refused rather than
 * dropped by zod's default stripping.
 *
 * @example
 * ```ts
 * unknownSettingsFields(z.object({ a: z.number() }), { a: 1, b: 2 }, 'ns'); // ['ns.b']
 * ```
 */
export function unknownSettingsFields(schema: z.ZodType, value: unknown, prefix: string): string[] {
  const object = objectOf(schema);
  if (object === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const field = Object.hasOwn(object.shape, key) ? (object.shape[key] as z.ZodType) : undefined;
    if (field === undefined) return [`${prefix}.${key}`];
    return unknownSettingsFields(field, child, `${prefix}.${key}`);
  });
}
