import type { IncomingMessage } from 'node:http';
import { BaselineError } from '@baseline/core/errors';
import { TESTING_ERROR_CODES } from '../../testing-error-codes.js';
import type { RecordedMultipart } from '../types.js';

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'x-goog-api-key', 'api-key', 'cookie']);

/** Request headers as a flat lower-case record, credentials included (for the auth check). */
export function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The headers without credentials, as recorded for assertions. */
export function withoutSecrets(headers: Record<string, string>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!SECRET_HEADERS.has(name)) safe[name] = value;
  return safe;
}

/** Thrown when a body cannot be parsed; the emulator answers the provider's 400. */
export class UnparsableBodyError extends BaselineError {
  constructor(cause: unknown) {
    // The provider's own wording: the emulator answers with this message as the real API does.
    super(TESTING_ERROR_CODES.llm.unparsableBody, `We could not parse the JSON body of your request. (${String(cause)})`, { cause });
    this.name = 'UnparsableBodyError';
  }
}

/** Parses a JSON or multipart body; an empty body is `undefined`. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new UnparsableBodyError(error);
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<RecordedMultipart> {
  // The platform's fetch implementation parses multipart bodies; no parser of our own needed.
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const result: RecordedMultipart = { fields: {}, files: [] };
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      const existing = result.fields[field];
      if (existing === undefined) result.fields[field] = value;
      else result.fields[field] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      result.files.push({ field, filename: value.name, contentType: value.type, size: value.size, bytes });
    }
  }
  return result;
}

/** True when `body` is a parsed multipart body. */
export function isMultipart(body: unknown): body is RecordedMultipart {
  return typeof body === 'object' && body !== null && 'fields' in body && 'files' in body;
}
