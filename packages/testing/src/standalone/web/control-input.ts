import type { IncomingMessage } from 'node:http';
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

export type Body = Record<string, unknown>;

/** Reads a JSON object body; only `application/json`, so other sites' pages cannot post without a (failing) preflight. */
export async function readJson(request: IncomingMessage): Promise<Body> {
  if (!request.headers['content-type']?.startsWith('application/json')) throw new BadControlRequest('content-type must be application/json');
  let raw: Buffer;
  try {
    raw = await readBody(request, { limit: MAX_BODY_BYTES });
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new BadControlRequest('body too large');
    throw error;
  }
  try {
    const value: unknown = JSON.parse(raw.toString('utf8') || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Body;
  } catch {
    // Reported below.
  }
  throw new BadControlRequest('body must be a JSON object');
}

/** A required non-empty string field. */
export function text(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new BadControlRequest(`"${key}" must be a non-empty string`);
  return value;
}

/** An optional non-empty string field. */
export function optionalText(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new BadControlRequest(`"${key}" must be a string`);
  return value;
}

/** An optional array of strings. */
export function optionalStrings(body: Body, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new BadControlRequest(`"${key}" must be an array of strings`);
  return value as string[];
}

/** An optional object of string, number or boolean values. */
export function optionalRecord<T>(body: Body, key: string): Record<string, T> {
  const value = body[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadControlRequest(`"${key}" must be an object`);
  return value as Record<string, T>;
}

/** The query parameter `key`, required. */
export function queryText(url: URL, key: string): string {
  const value = url.searchParams.get(key);
  if (!value) throw new BadControlRequest(`query parameter "${key}" is required`);
  return value;
}
