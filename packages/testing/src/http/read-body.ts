import type { IncomingMessage } from 'node:http';
import { BaselineError } from '@baseline/core/errors';
import getRawBody from 'raw-body';
import { TESTING_ERROR_CODES } from '../testing-error-codes.js';

const EMPTY = Buffer.alloc(0);

/** How {@link readBody} reads. */
export interface ReadBodyOptions {
  /** Largest body accepted, in bytes; a larger one rejects with {@link BodyTooLargeError}. @default no limit */
  limit?: number;
}

/** A body larger than {@link ReadBodyOptions.limit}. */
export class BodyTooLargeError extends BaselineError {
  constructor(limit: number) {
    super(TESTING_ERROR_CODES.http.bodyTooLarge, `body larger than ${limit} bytes`, { details: { limit } });
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body, shared by the Discord emulator, the LLM provider emulators and the standalone control API.
 * raw-body does the reading (aborted requests, `Content-Length` against what arrived, the limit). A request announcing
 * no body (`Content-Length: 0`, or neither a length nor a transfer encoding) is answered at once without a promise:
 * most Discord REST calls carry none, and on the emulator's hot path that saves a microtask turn each.
 */
export function readBody(request: IncomingMessage, options: ReadBodyOptions = {}): Buffer | Promise<Buffer> {
  const length = request.headers['content-length'];
  if (length === '0' || (length === undefined && request.headers['transfer-encoding'] === undefined)) return EMPTY;
  const { limit } = options;
  const reading = getRawBody(request, { length: length ?? null, limit: limit ?? null });
  if (limit === undefined) return reading;
  return reading.catch((error: unknown) => {
    if ((error as { type?: unknown }).type === 'entity.too.large') throw new BodyTooLargeError(limit);
    throw error;
  });
}
