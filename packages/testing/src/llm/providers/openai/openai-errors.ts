import type { IdSource } from '../../core/ids.js';
import { jsonBody, type Rendered } from '../../core/rendered.js';
import type { LlmErrorReason, LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

type Flavour = 'openai' | 'xai';

const DEFAULTS: Record<LlmErrorReason, { status: number; type: string; code: string | null; message: string }> = {
  rate_limit: { status: 429, type: 'requests', code: 'rate_limit_exceeded', message: '' },
  quota: {
    status: 429,
    type: 'insufficient_quota',
    code: 'insufficient_quota',
    message: 'You exceeded your current quota, please check your plan and billing details.',
  },
  invalid_request: { status: 400, type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  auth: {
    status: 401,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided. You can find your API key in your account settings.',
  },
  permission: { status: 403, type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Permission denied.' },
  not_found: { status: 404, type: 'invalid_request_error', code: 'model_not_found', message: 'Not found.' },
  server: {
    status: 500,
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  overloaded: {
    status: 503,
    type: 'server_error',
    code: 'server_is_overloaded',
    message: 'The server is overloaded or not ready yet.',
  },
  timeout: { status: 504, type: 'server_error', code: 'timeout', message: 'Request timed out.' },
};

/** Rate-limit headers OpenAI sends on every response. */
export function rateLimitHeaders(remaining: number, resetMs: number): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-limit-tokens': '10000000',
    'x-ratelimit-remaining-requests': String(remaining),
    'x-ratelimit-remaining-tokens': String(remaining * 1000),
    'x-ratelimit-reset-requests': `${resetMs}ms`,
    'x-ratelimit-reset-tokens': `${resetMs}ms`,
  };
}

/** The error body `{ error: { message, type, param, code } }` with OpenAI's (or xAI's) headers and hints. */
export function renderOpenAiError(flavour: Flavour, request: RecordedLlmRequest | undefined, reply: LlmErrorReply, ids: IdSource): Rendered {
  const base = DEFAULTS[reply.reason];
  const status = reply.status ?? base.status;
  const headers: Record<string, string> = { 'x-request-id': ids.next('req_') };
  let message = reply.message ?? base.message;
  if (reply.reason === 'rate_limit') {
    const waitMs = reply.retryAfterMs ?? 1000;
    message ||= `Rate limit reached for ${request?.model ?? 'the model'} on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${waitMs / 1000}s.`;
    if (flavour === 'openai') {
      Object.assign(headers, rateLimitHeaders(0, waitMs), {
        'retry-after': String(Math.ceil(waitMs / 1000)),
        'retry-after-ms': String(waitMs),
      });
    } else {
      headers['retry-after'] = String(waitMs / 1000);
    }
  }
  if (reply.reason === 'quota' && flavour === 'xai' && reply.message === undefined) {
    message = 'Your team has either used all available credits or reached its monthly spending limit.';
  }
  const body = reply.body ?? {
    error: { message, type: base.type, param: reply.param ?? null, code: reply.code ?? base.code },
  };
  return jsonBody(status, body, { ...headers, ...reply.headers });
}
