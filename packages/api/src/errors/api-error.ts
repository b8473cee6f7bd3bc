import { BaselineError } from '@baseline/core';

/** One rejected input field: `path` is dotted (`body.user_id`, `moderation.maxWarnings`). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * A deliberate HTTP failure: `status` is what the client receives, `code` (`BL_ERR_API_*`) and `message` go
 * into the uniform error body, `fields` lists rejected inputs. Messages are written for clients: never put
 * secrets or internals in them.
 *
 * @example
 * ```ts
 * throw new ApiError(403, 'BL_ERR_API_FORBIDDEN', 'you have no access to this guild');
 * ```
 */
export class ApiError extends BaselineError {
  readonly status: number;
  readonly fields: readonly FieldError[] | undefined;
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Extra members of the body's `error` object for this kind of failure, e.g. `changed_by` of a settings conflict. */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { fields?: readonly FieldError[]; headers?: Record<string, string>; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(code, message, options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

/** The codes the API answers with, besides `BL_ERR_SETTINGS_INVALID` from the settings registry. */
export const API_ERROR_CODES = {
  unauthenticated: 'BL_ERR_API_UNAUTHENTICATED',
  forbidden: 'BL_ERR_API_FORBIDDEN',
  csrf: 'BL_ERR_API_CSRF',
  origin: 'BL_ERR_API_ORIGIN',
  notFound: 'BL_ERR_API_NOT_FOUND',
  invalidRequest: 'BL_ERR_API_INVALID_REQUEST',
  validation: 'BL_ERR_API_VALIDATION',
  conflict: 'BL_ERR_API_CONFLICT',
  rateLimited: 'BL_ERR_API_RATE_LIMITED',
  oauthState: 'BL_ERR_API_OAUTH_STATE',
  oauthFailed: 'BL_ERR_API_OAUTH_FAILED',
  discordUnavailable: 'BL_ERR_API_DISCORD_UNAVAILABLE',
  payloadTooLarge: 'BL_ERR_API_PAYLOAD_TOO_LARGE',
  uriTooLong: 'BL_ERR_API_URI_TOO_LONG',
  unsupportedMediaType: 'BL_ERR_API_UNSUPPORTED_MEDIA_TYPE',
  notConfigured: 'BL_ERR_API_NOT_CONFIGURED',
  unavailable: 'BL_ERR_API_UNAVAILABLE',
  internal: 'BL_ERR_API_INTERNAL',
} as const;
