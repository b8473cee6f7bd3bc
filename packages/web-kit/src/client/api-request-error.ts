import { BaselineError } from '@baseline/core/errors';
import { WEB_KIT_ERROR_CODES } from '../errors/web-kit-error.js';

/** A field the API refused, with its path such as `reference.greeting` or `body.user_id`. */
export interface ApiFieldError {
  path: string;
  message: string;
}

/**
 * A non-2xx answer of the API, carrying its uniform error body (`{ error: { code, message, fields? } }`). Its `code`
 * is the API's (`API_ERROR_CODES` of `@baseline/api`), or `BL_ERR_API_UNKNOWN` when the answer had no error body.
 * Built from the answer rather than from a code, since the code is the API's to choose.
 */
export class ApiRequestError extends BaselineError {
  readonly status: number;
  readonly fields: ApiFieldError[];
  /** The whole `error` object, for codes that carry more (e.g. who changed settings). */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: unknown) {
    const error = (typeof body === 'object' && body !== null && 'error' in body ? (body as { error: Record<string, unknown> }).error : {}) ?? {};
    const code = typeof error['code'] === 'string' ? error['code'] : WEB_KIT_ERROR_CODES.apiUnknown;
    super(code, typeof error['message'] === 'string' ? error['message'] : `request failed with status ${status}`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.fields = Array.isArray(error['fields']) ? (error['fields'] as ApiFieldError[]) : [];
    this.body = error;
  }
}

/**
 * The data of an openapi-fetch call, or an {@link ApiRequestError} thrown for its error answer, so
 * react-query sees failures as failures.
 */
export async function dataOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiRequestError(response.status, error);
  return data as T;
}
