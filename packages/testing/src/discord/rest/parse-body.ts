import type { UploadedFile } from './route.js';
import { Errors } from './api-error.js';

/** The files of a request without uploads, shared (read only). */
const NO_FILES: readonly UploadedFile[] = Object.freeze([]);

/** A decoded request body. */
export interface ParsedBody {
  body: unknown;
  files: readonly UploadedFile[];
}

const EMPTY: ParsedBody = Object.freeze({ body: undefined, files: NO_FILES });

/**
 * Decodes a body by content type: JSON, `application/x-www-form-urlencoded` (to a plain object), or
 * `multipart/form-data` (its `payload_json` part as the body, other parts as files).
 */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return EMPTY;
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: NO_FILES };
  }
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files: NO_FILES };
  } catch {
    throw Errors.invalidForm('_body', 'JSON_INVALID', 'The request body is not valid JSON');
  }
}

function parseMultipart(raw: Buffer, contentType: string): ParsedBody {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return EMPTY;
  const delimiter = Buffer.from(`--${boundary}`);
  const files: UploadedFile[] = [];
  let body: unknown;
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name === 'payload_json') body = JSON.parse(content.toString('utf8')) as unknown;
      else if (filename !== undefined) {
        const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
        files.push({ field: name, filename, contentType: type, size: content.length });
      }
    }
    start = next;
  }
  return { body, files };
}
