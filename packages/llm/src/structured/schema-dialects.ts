import type { JsonSchema } from '../tools/define-tool.js';

type Node = Record<string, unknown>;

const isObjectNode = (node: Node): boolean => node.type === 'object' || (node.properties !== undefined && node.type === undefined);

function mapChildren(node: Node, fn: (child: Node) => Node): Node {
  const out: Node = { ...node };
  if (node.properties && typeof node.properties === 'object') {
    out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, Node>).map(([key, child]) => [key, fn(child)]));
  }
  if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) out.items = fn(node.items as Node);
  if (Array.isArray(node.prefixItems)) out.prefixItems = (node.prefixItems as Node[]).map(fn);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[key])) out[key] = (node[key] as Node[]).map(fn);
  for (const key of ['$defs', 'definitions'] as const) {
    if (node[key] && typeof node[key] === 'object') {
      out[key] = Object.fromEntries(Object.entries(node[key] as Record<string, Node>).map(([name, child]) => [name, fn(child)]));
    }
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = fn(node.additionalProperties as Node);
  return out;
}

function nullable(node: Node): Node {
  if (typeof node.type === 'string') return { ...node, type: [node.type, 'null'], ...(Array.isArray(node.enum) ? { enum: [...node.enum, null] } : {}) };
  if (Array.isArray(node.type)) return node.type.includes('null') ? node : { ...node, type: [...node.type, 'null'] };
  if (Array.isArray(node.anyOf)) return { ...node, anyOf: [...node.anyOf, { type: 'null' }] };
  return { anyOf: [node, { type: 'null' }] };
}

const OPENAI_UNSUPPORTED = ['allOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'default', 'propertyNames', '$schema'];

/**
 * OpenAI (and xAI) strict mode: every property listed in `required`, optional ones made nullable instead,
 * `additionalProperties: false` on every object, `oneOf` as `anyOf`, unsupported keywords removed.
 * {@link dropNullOptionals} turns the nulls back into absent fields before validation.
 */
export function toOpenAiStrictSchema(schema: JsonSchema): JsonSchema {
  const walk = (input: Node): Node => {
    let node = mapChildren(input, walk);
    for (const key of OPENAI_UNSUPPORTED) delete node[key];
    if (node.oneOf) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
    }
    if (isObjectNode(node)) {
      const properties = (node.properties ?? {}) as Record<string, Node>;
      const required = new Set((node.required as string[] | undefined) ?? []);
      node = {
        ...node,
        properties: Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, required.has(key) ? child : nullable(child)])),
        required: Object.keys(properties),
        additionalProperties: false,
      };
    }
    return node;
  };
  return walk(schema);
}

/** Keywords bounding a number's value. */
const NUMBER_BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
/** What Anthropic refuses: numeric and length bounds (`minItems` is handled apart), defaults, `$schema`, `propertyNames`. */
const ANTHROPIC_UNSUPPORTED = [...NUMBER_BOUNDS, 'minLength', 'maxLength', 'maxItems', 'default', '$schema', 'propertyNames'];

/**
 * Anthropic `output_config.format`: `additionalProperties: false` on objects, numeric and string-length
 * constraints removed, `minItems` kept only as 0 or 1. The full schema is still checked locally.
 */
export function toAnthropicSchema(schema: JsonSchema): JsonSchema {
  const walk = (input: Node): Node => {
    const node = mapChildren(input, walk);
    for (const key of ANTHROPIC_UNSUPPORTED) delete node[key];
    if (typeof node.minItems === 'number' && node.minItems > 1) node.minItems = 1;
    if (isObjectNode(node)) node.additionalProperties = false;
    return node;
  };
  return walk(schema);
}

/** The keywords Gemini's `responseJsonSchema` documents, by what they do: identify and annotate, shape, bound. */
const GEMINI_KEYS = new Set([
  ...['$id', '$defs', '$ref', '$anchor', 'title', 'description', 'format'],
  ...['type', 'enum', 'anyOf', 'oneOf', 'properties', 'additionalProperties', 'required', 'propertyOrdering', 'items', 'prefixItems'],
  ...['minItems', 'maxItems', 'minimum', 'maximum'],
]);

/** Gemini `responseJsonSchema`: only the keywords it documents; `const` becomes a one-value `enum`. */
export function toGeminiSchema(schema: JsonSchema): JsonSchema {
  const walk = (input: Node): Node => {
    const node = mapChildren(input, walk);
    if ('const' in node) node.enum = [node.const];
    for (const key of Object.keys(node)) if (!GEMINI_KEYS.has(key)) delete node[key];
    return node;
  };
  return walk(schema);
}

/** The schema in the dialect of `provider`. */
export function schemaForProvider(provider: string, schema: JsonSchema): JsonSchema {
  if (provider === 'openai' || provider === 'xai') return toOpenAiStrictSchema(schema);
  if (provider === 'anthropic') return toAnthropicSchema(schema);
  return toGeminiSchema(schema);
}

/**
 * Removes `null` values of properties the original schema does not require (the strict-mode stand-in for
 * "absent"), recursively, so the original zod schema sees `undefined`.
 */
export function dropNullOptionals(value: unknown, schema: JsonSchema): unknown {
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    return items ? value.map((v) => dropNullOptionals(v, items)) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === null && !required.has(key) && key in properties) continue;
    out[key] = properties[key] ? dropNullOptionals(child, properties[key]) : child;
  }
  return out;
}
