import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';

/**
 * Refuses a request body declared in a charset other than UTF-8. Fastify's JSON parser reads every body as UTF-8
 * whatever `charset` says, so a `charset=utf-16` body would be misread instead of refused.
 *
 * @param contentType - the request's `content-type` header, if any
 * @throws ApiError 415 `BL_ERR_API_UNSUPPORTED_MEDIA_TYPE` for any charset but `utf-8` / `utf8`
 */
export function assertUtf8Body(contentType: string | undefined): void {
  if (contentType === undefined) return;
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType)?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return;
  throw new ApiError(API_ERROR_CODES.unsupportedMediaType, 'only UTF-8 bodies are accepted: send content-type: application/json; charset=utf-8', {
    status: 415,
  });
}
