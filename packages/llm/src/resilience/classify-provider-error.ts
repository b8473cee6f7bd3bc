import {
  LlmError,
  LlmInvalidRequestError,
  LlmProviderUnavailableError,
  LlmRateLimitedError,
  LlmTimeoutError,
  type LlmErrorDetails,
} from '../errors/llm-error.js';
import type { LlmProvider } from '../types/provider-name.js';
import { readRetryAfterMs } from './retry-after.js';

/** A provider failure turned into our terms, with what the retry loop needs to decide. */
export interface ClassifiedError {
  error: LlmError;
  /** Another attempt at the same provider and model may succeed. */
  retryable: boolean;
  /** Another provider/model in the fallback chain may succeed. */
  fallback: boolean;
  /** The provider's wait hint in milliseconds, if it sent one. */
  retryAfterMs: number | undefined;
}

const SPEND_LIMIT_CODES = new Set(['enforced_spend_limit_reached', 'contract_spend_limit_reached', 'insufficient_quota']);

interface ErrorShape {
  name?: string;
  message?: string;
  status?: number;
  code?: string | null;
  type?: string | null;
  errorCode?: string | null;
  headers?: Headers | Record<string, string> | null;
  error?: unknown;
}

/** Parses the JSON body `@google/genai` puts in `ApiError.message` (plain or after `got status: X.`). */
function geminiBody(message: string): { status?: string; details?: Array<Record<string, unknown>>; message?: string } | undefined {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const parsed = JSON.parse(message.slice(start)) as { error?: Record<string, unknown> };
    return parsed.error as ReturnType<typeof geminiBody>;
  } catch {
    return undefined;
  }
}

/** `"34s"`, `"1.5s"` (protobuf Duration) → milliseconds. */
function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/**
 * Maps an error thrown by an SDK to a typed {@link LlmError} and a retry decision:
 * - 429 rate limits → rate limited, retried after the provider's hint (`retry-after-ms`, `retry-after`,
 *   Gemini `RetryInfo.retryDelay`);
 * - exhausted money or daily quota (OpenAI `insufficient_quota`, Anthropic spend limits, 402, Gemini
 *   `…PerDay…` quotas) → provider unavailable, never retried, but the fallback chain continues;
 * - timeouts (client timeouts, 408, 504) → timeout, retried;
 * - 5xx, 529 and connection failures → provider unavailable, retried;
 * - 400, 401, 403, 404, 413, 422 → invalid request, never retried; only 401/403/404 fall back (another
 *   provider's key or model may work, the same payload will not become valid elsewhere).
 */
export function classifyProviderError(provider: LlmProvider, model: string, thrown: unknown): ClassifiedError {
  if (thrown instanceof LlmError) return { error: thrown, retryable: false, fallback: false, retryAfterMs: undefined };
  const e = (thrown ?? {}) as ErrorShape;
  const base: LlmErrorDetails = { provider, model };
  const name = e.name ?? '';
  const status = typeof e.status === 'number' ? e.status : undefined;
  let providerCode = e.errorCode ?? e.code ?? e.type ?? undefined;
  let retryAfterMs = readRetryAfterMs(e.headers ?? undefined);
  let message = e.message ?? String(thrown);

  if (provider === 'gemini' && name === 'ApiError') {
    const body = geminiBody(message);
    if (body) {
      providerCode = body.status ?? providerCode;
      message = body.message ?? message;
      for (const detail of body.details ?? []) {
        retryAfterMs ??= durationMs(detail.retryDelay);
        const violations = detail.violations as Array<{ quotaId?: string }> | undefined;
        if (violations?.some((v) => v.quotaId?.includes('PerDay'))) providerCode = 'daily_quota_exhausted';
      }
    }
  }
  if (provider !== 'gemini' && e.error && typeof e.error === 'object') {
    const body = e.error as { code?: string; error?: { details?: { error_code?: string } } };
    providerCode = body.error?.details?.error_code ?? providerCode;
  }
  const details: LlmErrorDetails = { ...base, status, providerCode: providerCode ?? undefined, retryAfterMs };
  const text = `${provider}/${model}: ${message}`;

  if (name === 'APIConnectionTimeoutError' || name === 'TimeoutError' || status === 408 || status === 504) {
    return { error: new LlmTimeoutError(`${text} (timed out)`, { details, cause: thrown }), retryable: true, fallback: true, retryAfterMs };
  }
  if (status === undefined) {
    if (name === 'APIUserAbortError' || name === 'AbortError') {
      return { error: new LlmTimeoutError(`${text} (aborted)`, { details, cause: thrown }), retryable: false, fallback: false, retryAfterMs };
    }
    return { error: new LlmProviderUnavailableError(`${text} (connection failed)`, { details, cause: thrown }), retryable: true, fallback: true, retryAfterMs };
  }
  if (status === 402 || (providerCode && SPEND_LIMIT_CODES.has(providerCode)) || providerCode === 'daily_quota_exhausted') {
    return {
      error: new LlmProviderUnavailableError(`${text} (quota or spend limit exhausted)`, { details, cause: thrown }),
      retryable: false,
      fallback: true,
      retryAfterMs: undefined,
    };
  }
  if (status === 429) {
    return { error: new LlmRateLimitedError(text, { details, cause: thrown }), retryable: true, fallback: true, retryAfterMs };
  }
  if (status >= 500 || status === 409) {
    return { error: new LlmProviderUnavailableError(text, { details, cause: thrown }), retryable: true, fallback: true, retryAfterMs };
  }
  return {
    error: new LlmInvalidRequestError(text, { details, cause: thrown }),
    retryable: false,
    fallback: status === 401 || status === 403 || status === 404,
    retryAfterMs: undefined,
  };
}
