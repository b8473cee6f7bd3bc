import { z } from 'zod';
import type { AnyRouteDefinition } from '../http/define-route.js';
import { errorBodySchema } from '../errors/error-body.js';

/** A route as mounted: where, and its definition. */
export interface MountedRoute {
  prefix: string;
  definition: AnyRouteDefinition;
}

type JsonObject = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The statuses the shared pipeline (`register-route.ts`, the error handler) can answer, each with the routes it
 * applies to. A route's own statuses come from its `errors`; together they are every status the route answers.
 */
const PIPELINE_ERRORS: Array<[status: string, description: string, appliesTo: (definition: AnyRouteDefinition) => boolean]> = [
  [
    '400',
    'Invalid path parameters or query, NUL characters or lone surrogates, or a malformed JSON body (`BL_ERR_API_INVALID_REQUEST`, field errors in `error.fields`)',
    (d) => d.params !== undefined || d.query !== undefined || WRITES.has(d.method),
  ],
  ['401', 'No valid session (`BL_ERR_API_UNAUTHENTICATED`)', (d) => d.access !== 'public'],
  [
    '403',
    "No access (`BL_ERR_API_FORBIDDEN`), a write without the session's `X-CSRF-Token` (`BL_ERR_API_CSRF`), or a write from an origin not in `API_CORS_ORIGINS` (`BL_ERR_API_ORIGIN`)",
    (d) => d.access !== 'public' || WRITES.has(d.method),
  ],
  ['404', 'Not found (`BL_ERR_API_NOT_FOUND`)', (d) => d.access.startsWith('guild') || d.params !== undefined],
  ['413', 'Body over the size limit (`BL_ERR_API_PAYLOAD_TOO_LARGE`)', (d) => WRITES.has(d.method)],
  ['414', 'A path parameter over 100 characters (`BL_ERR_API_URI_TOO_LONG`)', (d) => d.params !== undefined],
  ['415', 'A body that is not JSON in UTF-8 (`BL_ERR_API_UNSUPPORTED_MEDIA_TYPE`)', (d) => WRITES.has(d.method)],
  ['422', 'Invalid or missing body (`BL_ERR_API_VALIDATION`, field errors in `error.fields`)', (d) => d.body !== undefined],
  ['429', 'Rate limited (`BL_ERR_API_RATE_LIMITED`, `Retry-After` header)', (d) => d.rateLimit !== false],
  ['500', 'Unexpected failure, logged with its stack (`BL_ERR_API_INTERNAL`, no details)', () => true],
  ['503', 'Redis is unreachable: sessions and rate limits cannot be checked (`BL_ERR_API_UNAVAILABLE`, `Retry-After` header)', () => true],
];

/** Named schemas (zod `.meta({ id })`) collected from every route, served as `components.schemas`. */
type Components = Record<string, JsonObject>;

function rewriteRefs(value: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value as JsonObject)) {
    out[key] =
      key === '$ref' && typeof child === 'string' && child.startsWith('#/$defs/')
        ? `#/components/schemas/${names[child.slice('#/$defs/'.length)] ?? child.slice('#/$defs/'.length)}`
        : rewriteRefs(child, names);
  }
  return out;
}

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). Named sub-schemas go to `components`, with
 * references rewritten to point there; an input shape that differs from the output shape of the same name (a
 * field with a default is optional on input) is stored as `<Name>Input`.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Components): JsonObject {
  const { $schema: _ignored, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
  const definitions = ($defs ?? {}) as Record<string, JsonObject>;
  const names: Record<string, string> = {};
  for (const name of Object.keys(definitions)) names[name] = name;
  for (const [name, definition] of Object.entries(definitions)) {
    const candidate = JSON.stringify(rewriteRefs(definition, names));
    if (components[name] !== undefined && JSON.stringify(components[name]) !== candidate && io === 'input') names[name] = `${name}Input`;
  }
  for (const [name, definition] of Object.entries(definitions)) components[names[name]!] ??= rewriteRefs(definition, names) as JsonObject;
  return rewriteRefs(rest, names) as JsonObject;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', components: Components): JsonObject[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input', components);
  const properties = (object.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function operation({ prefix, definition }: MountedRoute, components: Components): JsonObject {
  const responses: JsonObject = {};
  const successHeaders = Object.fromEntries(
    Object.entries(definition.headers?.response ?? {}).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
  );
  for (const [status, schema] of Object.entries(definition.responses)) {
    const failure = Number(status) >= 400;
    responses[status] = {
      description: failure ? (schema?.description ?? 'Error') : schema === null ? 'No content' : 'Success',
      ...(!failure && Object.keys(successHeaders).length > 0 ? { headers: successHeaders } : {}),
      ...(schema === null ? {} : { content: { 'application/json': { schema: jsonSchema(schema, 'output', components) } } }),
    };
  }
  const errors: Array<[string, string]> = [
    ...PIPELINE_ERRORS.filter(([, , appliesTo]) => appliesTo(definition)).map(([status, description]): [string, string] => [status, description]),
    ...Object.entries(definition.errors ?? {}).map(([status, description]): [string, string] => [status, String(description)]),
  ];
  for (const [status, description] of errors) {
    const listed = responses[status] as { description: string } | undefined;
    // A route's own meaning of a status the pipeline also answers is added to the pipeline's.
    if (listed === undefined) responses[status] = { description, content: { 'application/json': { schema: ERROR_REF } } };
    else if (!listed.description.includes(description)) listed.description = `${listed.description}; or ${description}`;
  }
  return {
    summary: definition.summary,
    ...(definition.description ? { description: definition.description } : {}),
    tags: definition.tags ?? [prefix.replace(/^\/api\/v1\/?/, '') || 'api'],
    'x-baseline-access': definition.access,
    ...(definition.access === 'public' ? { security: [] } : {}),
    parameters: [
      ...parameters(definition.params, 'path', components),
      ...parameters(definition.query, 'query', components),
      ...Object.entries(definition.headers?.request ?? {}).map(([name, description]) => ({
        name,
        in: 'header',
        required: false,
        description,
        schema: { type: 'string' },
      })),
    ],
    ...(definition.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(definition.body, 'input', components) } } } }),
    responses,
  };
}

/** The OpenAPI 3.1 document of every mounted route, built from the routes' zod schemas. */
export function buildOpenApi(routes: readonly MountedRoute[], info: { version: string; cookieName: string }): JsonObject {
  const components: Components = {};
  const errorRef = jsonSchema(errorBodySchema, 'output', components);
  if (JSON.stringify(errorRef) !== JSON.stringify(ERROR_REF)) components.Error = errorRef;
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = `${route.prefix}${route.definition.url}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    (paths[path] ??= {})[route.definition.method.toLowerCase()] = operation(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Baseline API',
      version: info.version,
      description:
        'Sign in through Discord (`/api/v1/auth/discord/url`, then `/api/v1/auth/discord/callback`). The session is an ' +
        'httpOnly cookie; every write must also send the `X-CSRF-Token` header with the token from `/api/v1/auth/me`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: info.cookieName },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Required on POST, PUT, PATCH and DELETE' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}
