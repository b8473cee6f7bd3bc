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
 * A request announcing no body (`Content-Length: 0`, or neither a length nor a transfer encoding) is answered at once
 * without a promise: most Discord REST calls carry none, and on the emulator's hot path that saves a microtask turn
 * each. With a limit, raw-body does the reading (aborted requests, `Content-Length` against what arrived, the limit).
 * Without one, two listeners collect the chunks: raw-body's per-request setup (a listener per event, its cleanup,
 * its length and encoding checks) cost about 5% of the Discord emulator's CPU in the interactions benchmark, and
 * Node's HTTP parser already delivers exactly `Content-Length` bytes or fails the request when the peer resets.
 */
export function readBody(request: IncomingMessage, options: ReadBodyOptions = {}): Buffer | Promise<Buffer> {
  const length = request.headers['content-length'];
  if (length === '0' || (length === undefined && request.headers['transfer-encoding'] === undefined)) return EMPTY;
  const { limit } = options;
  if (limit === undefined) return collect(request);
  const reading = getRawBody(request, { length: length ?? null, limit });
  return reading.catch((error: unknown) => {
    if ((error as { type?: unknown }).type === 'entity.too.large') throw new BodyTooLargeError(limit);
    throw error;
  });
}

/** The chunks of `request` concatenated; rejects when the connection resets before the end. */
function collect(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    // A connection reset before the end destroys the request with an 'aborted' error (Node's HTTP server).
    request.once('error', reject);
    request.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received)));
  });
}
