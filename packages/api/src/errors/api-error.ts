import { BaselineError, CORE_ERROR_CODES, type BaselineErrorOptions } from '@baseline/core';

/** One rejected input field: `path` is dotted (`body.user_id`, `moderation.maxWarnings`). */
export interface FieldError {
  path: string;
  message: string;
}

/** What an {@link ApiError} carries besides its code and message. */
export interface ApiErrorOptions extends BaselineErrorOptions {
  /** The HTTP status the client receives. */
  status: number;
  /** Rejected inputs, listed in the body's `error.fields`. */
  fields?: readonly FieldError[];
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** Extra members of the body's `error` object, e.g. `changed_by` of a settings conflict. */
  extra?: Record<string, unknown>;
}

/**
 * A deliberate HTTP failure: `status` is what the client receives, `code` and `message` go into the uniform error
 * body, `fields` lists rejected inputs. Messages are written for clients: never put secrets or internals in them.
 *
 * @example
 * ```ts
 * throw new ApiError(API_ERROR_CODES.forbidden, 'you have no access to this guild', { status: 403 });
 * ```
 */
export class ApiError extends BaselineError {
  readonly status: number;
  readonly fields: readonly FieldError[] | undefined;
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Extra members of the body's `error` object for this kind of failure, e.g. `changed_by` of a settings conflict. */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(code: ApiErrorCode, message: string, options: ApiErrorOptions) {
    const { status, fields, headers, extra, ...rest } = options;
    super(code, message, rest);
    this.name = 'ApiError';
    this.status = status;
    this.fields = fields;
    this.headers = headers ?? {};
    this.extra = extra ?? {};
  }
}

/**
 * Every code the API throws. Besides its own `BL_ERR_API_*` codes it answers with two of core's settings codes,
 * listed here so routes name every code through this one table.
 */
export const API_ERROR_CODES = {
  /** 401: no valid session. */
  unauthenticated: 'BL_ERR_API_UNAUTHENTICATED',
  /** 403: no access to the guild or the route. */
  forbidden: 'BL_ERR_API_FORBIDDEN',
  /** 403: a cookie-authenticated write without the session's CSRF token. */
  csrf: 'BL_ERR_API_CSRF',
  /** 403: a write from an origin not in `API_CORS_ORIGINS`. */
  origin: 'BL_ERR_API_ORIGIN',
  /** 404: no such route, guild or record. */
  notFound: 'BL_ERR_API_NOT_FOUND',
  /** 400: invalid path parameters or query, or a malformed body or URL. */
  invalidRequest: 'BL_ERR_API_INVALID_REQUEST',
  /** 422: invalid or missing body. */
  validation: 'BL_ERR_API_VALIDATION',
  /** 409: the record exists already (a user already authorized). */
  conflict: 'BL_ERR_API_CONFLICT',
  /** 409: revoking the user who added the bot. */
  initialUser: 'BL_ERR_API_INITIAL_USER',
  /** 429: over a rate limit. */
  rateLimited: 'BL_ERR_API_RATE_LIMITED',
  /** 400: unknown, expired, reused or other-browser login state. */
  oauthState: 'BL_ERR_API_OAUTH_STATE',
  /** 400: Discord refused the login code. */
  oauthFailed: 'BL_ERR_API_OAUTH_FAILED',
  /** 502: Discord unreachable or refusing the bot. */
  discordUnavailable: 'BL_ERR_API_DISCORD_UNAVAILABLE',
  /** 413: a body over the size limit. */
  payloadTooLarge: 'BL_ERR_API_PAYLOAD_TOO_LARGE',
  /** 414: a path parameter over 100 characters. */
  uriTooLong: 'BL_ERR_API_URI_TOO_LONG',
  /** 415: a body that is not JSON in UTF-8. */
  unsupportedMediaType: 'BL_ERR_API_UNSUPPORTED_MEDIA_TYPE',
  /** 503: Discord login or the bot token is not configured. */
  notConfigured: 'BL_ERR_API_NOT_CONFIGURED',
  /** 503: Redis is unreachable, so sessions and rate limits cannot be checked (with `Retry-After`). */
  unavailable: 'BL_ERR_API_UNAVAILABLE',
  /** 500: anything unexpected; logged with its stack, answered with no details. */
  internal: 'BL_ERR_API_INTERNAL',
  /**
   * Not an HTTP failure: a toggle applied but the command is not hidden in Discord because the acting user's stored
   * Discord grant lacks `applications.commands.permissions.update` (or Discord no longer accepts it). Signing in
   * again, granting command permissions, fixes it. Reported in `command_permissions.code` of the toggle answer.
   */
  commandPermissionsNotGranted: 'BL_ERR_API_COMMAND_PERMISSIONS_NOT_GRANTED',
  /** Not an HTTP failure: as above, but Discord says the user lacks Manage Server and Manage Roles in the guild. */
  commandPermissionsForbidden: 'BL_ERR_API_COMMAND_PERMISSIONS_FORBIDDEN',
  /** Not an HTTP failure: as above, but Discord could not be reached or answered something unexpected. */
  commandPermissionsFailed: 'BL_ERR_API_COMMAND_PERMISSIONS_FAILED',
  /** At start: a route definition the pipeline cannot serve. */
  routeInvalid: 'BL_ERR_API_ROUTE_INVALID',
  /** At start: a plugin's routes cannot be mounted; none of them are. */
  pluginRoutes: 'BL_ERR_API_PLUGIN_ROUTES',
  /** 422: settings that do not match their schema (core's code). */
  settingsInvalid: CORE_ERROR_CODES.settings.invalid,
  /** 412: settings changed since the `If-Match` version (core's code). */
  settingsChanged: CORE_ERROR_CODES.settings.changed,
  /** 422: a toggle naming a plugin that is not loaded (core's code). */
  togglesUnknownPlugin: CORE_ERROR_CODES.toggles.unknownPlugin,
  /** 422: a toggle naming a command the plugin does not declare (core's code). */
  togglesUnknownCommand: CORE_ERROR_CODES.toggles.unknownCommand,
  /** 400: an erasure for an id that is not a Discord user id (core's code). */
  privacyUserIdInvalid: CORE_ERROR_CODES.privacy.userIdInvalid,
} as const;

/** Any code in {@link API_ERROR_CODES}. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];
