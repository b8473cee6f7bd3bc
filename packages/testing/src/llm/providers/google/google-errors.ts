import { jsonBody, type Rendered } from '../../core/rendered.js';
import { PROVIDER_ERROR_DEFAULTS } from '../shared/error-defaults.js';
import type { LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

function quotaFailure(quotaId: string, model: string | undefined) {
  return {
    '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
    violations: [
      {
        quotaMetric: 'generativelanguage.googleapis.com/generate_content_requests',
        quotaId,
        quotaDimensions: { location: 'global', model: model ?? 'unknown' },
        quotaValue: '10',
      },
    ],
  };
}

/** `{ error: { code, message, status, details } }`; 429s carry `QuotaFailure` and, when transient, `RetryInfo`. */
export function renderGoogleError(request: RecordedLlmRequest | undefined, reply: LlmErrorReply): Rendered {
  const base = PROVIDER_ERROR_DEFAULTS[reply.reason].google;
  const status = reply.status ?? base.status;
  const details: unknown[] = [];
  if (reply.reason === 'rate_limit') {
    details.push(quotaFailure('GenerateRequestsPerMinutePerProjectPerModel', request?.model), {
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: `${(reply.retryAfterMs ?? 1000) / 1000}s`,
    });
  } else if (reply.reason === 'quota') {
    details.push(quotaFailure('GenerateRequestsPerDayPerProjectPerModel', request?.model));
  } else if (reply.reason === 'auth') {
    details.push({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' });
  }
  const body = reply.body ?? {
    error: { code: status, message: reply.message ?? base.message, status: reply.code ?? base.type, ...(details.length ? { details } : {}) },
  };
  return jsonBody(status, body, reply.headers);
}
