import { z } from 'zod';

/** A JSON Schema object, as sent to providers. */
export type JsonSchema = Record<string, unknown>;

/** A function the model may call. Build it with {@link defineTool}. */
export interface LlmToolDefinition<Args = unknown, Result = unknown> {
  name: string;
  description: string;
  /** JSON Schema of the arguments (from zod, or as given). */
  jsonSchema: JsonSchema;
  /** Validates and types parsed arguments; absent for plain JSON-Schema tools (arguments pass as parsed). */
  parse(args: unknown): { success: true; data: Args } | { success: false; error: string };
  /** Runs the tool in `runTools`; its result is sent back as JSON (strings as they are). */
  execute?: (args: Args) => Result | Promise<Result>;
}

/** Options of {@link defineTool}. */
export interface DefineToolOptions<Schema extends z.ZodType, Result> {
  /** `^[a-zA-Z0-9_-]{1,64}$`, the intersection of what all providers accept. */
  name: string;
  description: string;
  /** A zod object schema of the arguments, or a JSON Schema object (then arguments are not validated). */
  parameters: Schema | JsonSchema;
  execute?: (args: z.infer<Schema>) => Result | Promise<Result>;
}

/**
 * Defines a tool from a zod schema (arguments validated and typed) or a JSON Schema.
 *
 * @example
 * ```ts
 * const weather = defineTool({
 *   name: 'get_weather',
 *   description: 'Current weather for a city',
 *   parameters: z.object({ city: z.string() }),
 *   execute: async ({ city }) => ({ city, tempC: 4 }),
 * });
 * ```
 */
export function defineTool<Schema extends z.ZodType, Result = unknown>(options: DefineToolOptions<Schema, Result>): LlmToolDefinition<z.infer<Schema>, Result> {
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(options.name)) throw new TypeError(`invalid tool name "${options.name}"`);
  const { parameters } = options;
  if (parameters instanceof z.ZodType) {
    const schema = parameters;
    const jsonSchema = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
    delete jsonSchema.$schema;
    return {
      name: options.name,
      description: options.description,
      jsonSchema,
      parse(args) {
        const result = schema.safeParse(args);
        return result.success ? { success: true, data: result.data } : { success: false, error: z.prettifyError(result.error) };
      },
      ...(options.execute ? { execute: options.execute } : {}),
    };
  }
  return {
    name: options.name,
    description: options.description,
    jsonSchema: parameters,
    parse: (args) => ({ success: true, data: args as z.infer<Schema> }),
    ...(options.execute ? { execute: options.execute } : {}),
  };
}
