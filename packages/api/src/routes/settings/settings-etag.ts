import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';

/** The settings `ETag`: the stored settings' revision as a strong entity tag. */
export function settingsEtag(revision: string): string {
  return `"${revision}"`;
}

/** What an `If-Match` header asks for: nothing, any current state (`*`), or one of these revisions. */
export type IfMatch = { kind: 'absent' } | { kind: 'any' } | { kind: 'revisions'; revisions: string[] };

// One entity tag of a list: optional W/ prefix, then a quoted string of visible characters but `"` (RFC 9110, 8.8.3).
const ENTITY_TAG = /^\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*$/;

/**
 * Parses `If-Match` (RFC 9110, 13.1.1). It compares strongly, so weak tags (`W/"…"`) never match: they are kept out
 * of `revisions`, which may then be empty (a 412 for sure).
 *
 * @throws ApiError 400 `BL_ERR_API_INVALID_REQUEST` for a header that is not `*` or a list of entity tags.
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  if (header === undefined) return { kind: 'absent' };
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return { kind: 'any' };
  const revisions: string[] = [];
  for (const part of value.split(',')) {
    const tag = ENTITY_TAG.exec(part);
    if (tag === null) {
      throw new ApiError(
        API_ERROR_CODES.invalidRequest,
        'If-Match must be the ETag of GET …/settings, a quoted string such as "3f1c…" (or *); reload the settings to get it',
        { status: 400, fields: [{ path: 'headers.if-match', message: 'must be a quoted entity tag or *' }] },
      );
    }
    if (tag[1] === undefined) revisions.push(tag[2]!);
  }
  return { kind: 'revisions', revisions };
}
