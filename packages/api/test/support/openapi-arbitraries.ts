import fc from 'fast-check';

// Arbitrary requests drawn from the API's own OpenAPI document: the document is the contract the property tests hold
// the server to, so its schemas (not hand-written lists) decide what is generated.

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };
export interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, unknown>;
  'x-baseline-access': string;
}

/** A request to send: the raw URL, and the JSON text of the body (or none). */
export interface ArbitraryRequest {
  url: string;
  /** Path parameter values as sent (decoded). */
  params: Record<string, string>;
  payload: string | undefined;
}

/** Values that broke or could break the edges: out-of-range ids, NUL, lone surrogates, odd dates, long strings. */
const HOSTILE = [
  '9223372036854775808',
  '99999999999999999999',
  '9223372036854775807',
  '0',
  '-1',
  '1e3',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00',
  '0000-01-01',
  '1969-12-31T23:59:59Z',
  '9999-12-31',
  '../..',
  '%',
  ' ',
  'x'.repeat(120),
];

/**
 * Any string: one of `pool` (ids that exist, hostile values) or arbitrary text over every code point, lone
 * surrogates included.
 */
function anyString(pool: readonly string[], minLength = 0): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...pool, ...HOSTILE) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ minLength, maxLength: 12 }) },
    )
    .filter((value) => value.length >= minLength);
}

function resolve(schema: JsonSchema, document: OpenApiDocument): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return resolve(document.components.schemas[ref.slice('#/components/schemas/'.length)] ?? {}, document);
}

/** Values that fit `schema` most of the time (so handlers run), mixed with values that do not. */
export function arbitraryOf(input: JsonSchema, document: OpenApiDocument, pool: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, document);
  const wild = depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants !== undefined) return fc.oneof(...variants.map((variant) => arbitraryOf(variant, document, pool, depth + 1)));
  if (Array.isArray(schema.enum)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(schema.enum as unknown[])) }, { weight: 1, arbitrary: wild });
  let fitting: fc.Arbitrary<unknown>;
  switch (schema.type) {
    case 'string': {
      const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
      let matching: fc.Arbitrary<string> | undefined;
      try {
        matching = pattern === undefined ? undefined : fc.stringMatching(new RegExp(pattern));
      } catch {
        matching = undefined;
      }
      fitting = matching ? fc.oneof(matching, anyString(pool)) : anyString(pool);
      break;
    }
    case 'integer':
    case 'number':
      fitting = fc.oneof(
        fc.integer({ min: typeof schema.minimum === 'number' ? schema.minimum : -1000, max: typeof schema.maximum === 'number' ? schema.maximum : 1000 }),
        fc.constantFrom(-1, 0, 1e21, 2 ** 63, Number.MAX_SAFE_INTEGER + 2),
      );
      break;
    case 'boolean':
      fitting = fc.boolean();
      break;
    case 'array':
      fitting = depth > 2 ? fc.constant([]) : fc.array(arbitraryOf((schema.items ?? {}) as JsonSchema, document, pool, depth + 1), { maxLength: 3 });
      break;
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const extra = schema.additionalProperties;
      const named = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, arbitraryOf(property, document, pool, depth + 1)])),
        { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) },
      );
      const free =
        depth > 2 || extra === false
          ? fc.constant({})
          : fc.dictionary(
              anyString(pool, 1),
              arbitraryOf(typeof extra === 'object' && extra !== null ? (extra as JsonSchema) : {}, document, pool, depth + 1),
              { maxKeys: 3 },
            );
      fitting = fc.tuple(named, free).map(([known, more]) => ({ ...more, ...known }));
      break;
    }
    default:
      fitting = wild;
  }
  return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: wild });
}

/** Percent-encodes one path or query value, lone surrogates included (as their WTF-8 bytes, which no decoder accepts). */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/**
 * Arbitrary requests for one operation: every path parameter (never empty, so the URL still names the route), each
 * query parameter present or not, and for operations with a body: none, `null`, arbitrary JSON or a body shaped
 * like the schema.
 *
 * @param pool - strings worth trying everywhere (ids of guilds that exist, of users, known names)
 */
export function arbitraryRequest(path: string, operation: Operation, document: OpenApiDocument, pool: readonly string[]): fc.Arbitrary<ArbitraryRequest> {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((parameter) => parameter.in === 'path');
  const queryParams = parameters.filter((parameter) => parameter.in === 'query');
  const params = fc.record(
    Object.fromEntries(
      pathParams.map((parameter) => [
        parameter.name,
        arbitraryOf(parameter.schema, document, pool).map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')) || 'x'),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc.record(Object.fromEntries(queryParams.map((parameter) => [parameter.name, arbitraryOf(parameter.schema, document, pool)])), {
    requiredKeys: [],
  });
  const bodySchema = operation.requestBody?.content['application/json'].schema;
  const body: fc.Arbitrary<string | undefined> =
    bodySchema === undefined
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 1, arbitrary: fc.constantFrom(undefined, 'null', '', '{', '[]') },
          { weight: 6, arbitrary: arbitraryOf(bodySchema, document, pool).map((value) => JSON.stringify(value) ?? 'null') },
        );
  return fc.tuple(params, query, body).map(([pathValues, queryValues, payload]) => {
    const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => percentEncode(pathValues[name] ?? 'x'));
    const search = Object.entries(queryValues)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${percentEncode(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))}`)
      .join('&');
    return { url: search === '' ? url : `${url}?${search}`, params: pathValues, payload };
  });
}
