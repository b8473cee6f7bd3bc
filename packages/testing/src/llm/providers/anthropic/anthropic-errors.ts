import type { IdSource } from '../../core/ids.js';
import { jsonBody, type Rendered } from '../../core/rendered.js';
import { PROVIDER_ERROR_DEFAULTS } from '../shared/error-defaults.js';
import type { LlmErrorReply } from '../../replies.js';

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
  const base = PROVIDER_ERROR_DEFAULTS[reply.reason].anthropic;
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
