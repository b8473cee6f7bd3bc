import { jsonBody, type Rendered } from '../../core/rendered.js';
import type { LlmErrorReason, LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

const DEFAULTS: Record<LlmErrorReason, { status: number; code: string; message: string }> = {
  rate_limit: {
    status: 429,
    code: 'RESOURCE_EXHAUSTED',
    message: 'You exceeded your current quota, please check your plan and billing details.',
  },
  quota: {
    status: 429,
    code: 'RESOURCE_EXHAUSTED',
    message: 'You exceeded your current quota, please check your plan and billing details.',
  },
  invalid_request: { status: 400, code: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' },
  auth: { status: 400, code: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' },
  permission: { status: 403, code: 'PERMISSION_DENIED', message: 'The caller does not have permission' },
  not_found: { status: 404, code: 'NOT_FOUND', message: 'Requested entity was not found.' },
  server: { status: 500, code: 'INTERNAL', message: 'An internal error has occurred. Please retry.' },
  overloaded: { status: 503, code: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
  timeout: { status: 504, code: 'DEADLINE_EXCEEDED', message: 'Deadline expired before operation could complete.' },
};

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
  const base = DEFAULTS[reply.reason];
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
    error: { code: status, message: reply.message ?? base.message, status: reply.code ?? base.code, ...(details.length ? { details } : {}) },
  };
  return jsonBody(status, body, reply.headers);
}
