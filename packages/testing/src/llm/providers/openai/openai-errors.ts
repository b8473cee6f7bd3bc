import type { IdSource } from '../../core/ids.js';
import { jsonBody, type Rendered } from '../../core/rendered.js';
import { PROVIDER_ERROR_DEFAULTS } from '../shared/error-defaults.js';
import type { LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

type Flavour = 'openai' | 'xai';

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
  const base = PROVIDER_ERROR_DEFAULTS[reply.reason].openai;
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
    error: { message, type: base.type, param: reply.param ?? null, code: reply.code ?? base.code ?? null },
  };
  return jsonBody(status, body, { ...headers, ...reply.headers });
}
