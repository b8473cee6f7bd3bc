import { STATUS_CODES } from 'node:http';
import { API_ERROR_CODES } from '../errors/api-error.js';
import { errorBody } from '../errors/error-body.js';

/**
 * The raw HTTP response for a request Node's parser refused before Fastify saw it: 431 for headers over the size
 * limit, 408 for a request that timed out, 400 otherwise. It carries the API's error body and security headers
 * like every other answer, and closes the connection.
 *
 * @param error - the parser's error (`code` such as `HPE_HEADER_OVERFLOW`)
 * @param headers - the security headers every response carries
 */
export function clientErrorResponse(error: NodeJS.ErrnoException, headers: Readonly<Record<string, string>>): string {
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(errorBody(API_ERROR_CODES.invalidRequest, status === 431 ? 'the request headers are too large' : 'malformed HTTP request'));
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
