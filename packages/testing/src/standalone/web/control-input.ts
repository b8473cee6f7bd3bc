import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../../discord/discord-emulator-error.js';
import { BodyTooLargeError, readBody } from '../../http/read-body.js';

/** Largest JSON body the control API accepts. */
const MAX_BODY_BYTES = 64 * 1024;

/** A control API request the caller must fix (answered 400 with `{ error, code }`). */
export class BadControlRequest extends DiscordEmulatorError {
  constructor(message: string) {
    super(EMULATOR_ERROR_CODES.badControlRequest, message);
  }
}

/** Reads a JSON body; only `application/json`, so other sites' pages cannot post without a (failing) preflight. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  if (!request.headers['content-type']?.startsWith('application/json')) throw new BadControlRequest('content-type must be application/json');
  let raw: Buffer;
  try {
    raw = await readBody(request, { limit: MAX_BODY_BYTES });
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new BadControlRequest('body too large');
    throw error;
  }
  try {
    return JSON.parse(raw.toString('utf8') || '{}') as unknown;
  } catch {
    throw new BadControlRequest('body must be a JSON object');
  }
}

/**
 * Reads a request's JSON body and parses it with its route's schema. The first problem is the answer, naming the
 * field: `"emoji" must be a non-empty string`.
 */
export async function readControlBody<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const value = await readJson(request);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadControlRequest('body must be a JSON object');
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new BadControlRequest(issue ? `"${issue.path.join('.')}" ${issue.message}` : 'invalid body');
}

/** A required non-empty string field. */
export const text = z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' });

/** An optional string field; absent, `null` and `''` all read as absent. */
export const optionalText = z
  .string({ error: 'must be a string' })
  .nullish()
  .transform((value) => value || undefined);

/** An optional array of strings. */
export const optionalStrings = z.array(z.string(), { error: 'must be an array of strings' }).optional();

/** An optional object of `T` values; absent or `null` reads as `{}`. */
export function optionalRecord<T>(values: z.ZodType<T>) {
  return z
    .record(z.string(), values, { error: 'must be an object' })
    .nullish()
    .transform((value) => value ?? {});
}

/** The query parameter `key`, required. */
export function queryText(url: URL, key: string): string {
  const value = url.searchParams.get(key);
  if (!value) throw new BadControlRequest(`query parameter "${key}" is required`);
  return value;
}
