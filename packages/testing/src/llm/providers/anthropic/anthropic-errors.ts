import type { IdSource } from '../../core/ids.js';
import { jsonBody, type Rendered } from '../../core/rendered.js';
import type { LlmErrorReason, LlmErrorReply } from '../../replies.js';

const DEFAULTS: Record<LlmErrorReason, { status: number; type: string; message: string }> = {
  rate_limit: {
    status: 429,
    type: 'rate_limit_error',
    message: "This request would exceed your organization's rate limit of 50 requests per minute.",
  },
  quota: {
    status: 429,
    type: 'rate_limit_error',
    message: 'Your organization has reached its monthly spend limit for this usage tier.',
  },
  invalid_request: { status: 400, type: 'invalid_request_error', message: 'Invalid request.' },
  auth: { status: 401, type: 'authentication_error', message: 'invalid x-api-key' },
  permission: { status: 403, type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  not_found: { status: 404, type: 'not_found_error', message: 'Not found.' },
  server: { status: 500, type: 'api_error', message: 'Internal server error' },
  overloaded: { status: 529, type: 'overloaded_error', message: 'Overloaded' },
  timeout: { status: 504, type: 'timeout_error', message: 'Request timed out' },
};

/** Anthropic's rate-limit headers; resets are RFC 3339 timestamps. */
export function anthropicRateLimitHeaders(remaining: number, resetMs: number): Record<string, string> {
  const reset = new Date(Date.now() + resetMs).toISOString();
  const headers: Record<string, string> = {};
  for (const kind of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    headers[`anthropic-ratelimit-${kind}-limit`] = kind === 'requests' ? '50' : '100000';
    headers[`anthropic-ratelimit-${kind}-remaining`] = String(kind === 'requests' ? remaining : remaining * 1000);
    headers[`anthropic-ratelimit-${kind}-reset`] = reset;
  }
  return headers;
}

/** `{ type: 'error', error: { type, message, details? }, request_id }` with `request-id` and retry hints. */
export function renderAnthropicError(reply: LlmErrorReply, ids: IdSource): Rendered {
  const base = DEFAULTS[reply.reason];
  const requestId = ids.next('req_');
  const headers: Record<string, string> = { 'request-id': requestId };
  if (reply.reason === 'rate_limit' || (reply.reason === 'overloaded' && reply.retryAfterMs !== undefined)) {
    const waitMs = reply.retryAfterMs ?? 1000;
    headers['retry-after'] = String(waitMs / 1000);
    if (reply.reason === 'rate_limit') Object.assign(headers, anthropicRateLimitHeaders(0, waitMs));
  }
  const errorCode = reply.code ?? (reply.reason === 'quota' ? 'enforced_spend_limit_reached' : undefined);
  const body = reply.body ?? {
    type: 'error',
    error: {
      type: base.type,
      message: reply.message ?? base.message,
      ...(errorCode === undefined ? {} : { details: { error_code: errorCode } }),
    },
    request_id: requestId,
  };
  return jsonBody(reply.status ?? base.status, body, { ...headers, ...reply.headers });
}
