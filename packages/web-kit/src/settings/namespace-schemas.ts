import type { RJSFSchema } from '@rjsf/utils';

/** One namespace's form: its heading and the JSON Schema rjsf renders. */
export interface NamespaceSchema {
  namespace: string;
  /** The schema's `title`, else the namespace. */
  title: string;
  description: string | undefined;
  /** The namespace's schema without `$schema`, `title` and `description` (the form's heading shows those). */
  schema: RJSFSchema;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The namespaces of the settings schema, in the order given. Accepts the body of `GET /api/v1/settings/schema` (an
 * object schema whose `properties` are the namespaces; a namespace map never has a string `type`) or a plain map
 * of namespace to schema. Entries that are not schemas are skipped.
 */
export function namespaceSchemas(body: Record<string, unknown>): NamespaceSchema[] {
  const namespaces = body.type === 'object' && isObject(body.properties) ? body.properties : body;
  return Object.entries(namespaces)
    .filter((entry): entry is [string, Record<string, unknown>] => isObject(entry[1]))
    .map(([namespace, { $schema: _dialect, title, description, ...schema }]) => ({
      namespace,
      title: typeof title === 'string' ? title : namespace,
      description: typeof description === 'string' ? description : undefined,
      schema: withItemDefaults(schema) as RJSFSchema,
    }));
}

/**
 * Gives text list items a starting value of `""`: a newly added item is then an empty text (refused by `minLength`
 * like a typed one would be) rather than a hole that fails with "must be string". Only `default`s change; every
 * validation keyword stays the server's.
 */
function withItemDefaults(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...schema };
  if (isObject(schema.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, property]) => [key, isObject(property) ? withItemDefaults(property) : property]),
    );
  }
  if (isObject(schema.items)) {
    const items = withItemDefaults(schema.items);
    out.items = items.type === 'string' && items.default === undefined ? { ...items, default: '' } : items;
  }
  return out;
}
