import type { LlmErrorReply, LlmHangReply, LlmMalformedReply, LlmReply, LlmTruncatedReply } from './replies.js';

type ErrorOptions = Omit<LlmErrorReply, 'kind' | 'reason'>;

/**
 * Builders for failures, rendered in each provider's format (status, error body, retry hints).
 *
 * @example
 * ```ts
 * // First two calls are rate limited, the third succeeds.
 * emulator.enqueue(llmFault.rateLimit({ retryAfterMs: 10 }), llmFault.rateLimit(), llmReply.text('ok'));
 * // One model is down while the others answer.
 * emulator.model('gpt-5.4').always(llmFault.overloaded());
 * ```
 */
export const llmFault = {
  /** Any error reason with overrides. */
  error(reason: LlmErrorReply['reason'], options: ErrorOptions = {}): LlmErrorReply {
    return { kind: 'error', reason, ...options };
  },
  /**
   * A transient 429 with the provider's wait hint: OpenAI/xAI `retry-after` + `retry-after-ms` +
   * `x-ratelimit-*`; Anthropic `retry-after` + `anthropic-ratelimit-*`; Gemini `RetryInfo.retryDelay`.
   * @param options.retryAfterMs @default 1000
   */
  rateLimit(options: ErrorOptions = {}): LlmErrorReply {
    return { kind: 'error', reason: 'rate_limit', ...options };
  },
  /**
   * A non-retryable "money is out" error: OpenAI/xAI 429 `insufficient_quota`, Anthropic 429
   * `enforced_spend_limit_reached` (override with `code`), Gemini 429 with a per-day `QuotaFailure`.
   */
  quotaExhausted(options: ErrorOptions = {}): LlmErrorReply {
    return { kind: 'error', reason: 'quota', ...options };
  },
  /** 400 invalid request. */
  invalidRequest(message = 'Invalid request.', options: ErrorOptions = {}): LlmErrorReply {
    return { kind: 'error', reason: 'invalid_request', message, ...options };
  },
  /** 401 bad API key. */
  unauthorized(options: ErrorOptions = {}): LlmErrorReply {
    return { kind: 'error', reason: 'auth', ...options };
  },
  /** 500 internal error (override `status` for 502/504). */
  serverError(options: ErrorOptions = {}): LlmErrorReply {
    return { kind: 'error', reason: 'server', ...options };
  },
  /** Overloaded: Anthropic 529 `overloaded_error`, Gemini 503 `UNAVAILABLE`, OpenAI/xAI 503. */
  overloaded(options: ErrorOptions = {}): LlmErrorReply {
    return { kind: 'error', reason: 'overloaded', ...options };
  },
  /** Never answer (until the client gives up or the emulator closes). */
  hang(): LlmHangReply {
    return { kind: 'hang' };
  },
  /** Answer after `ms` with `then` (@default the default responder). */
  delay(ms: number, then?: LlmReply): LlmHangReply {
    return then === undefined ? { kind: 'hang', ms } : { kind: 'hang', ms, then };
  },
  /** 200 with a body that is not valid JSON. */
  malformed(body?: string): LlmMalformedReply {
    return body === undefined ? { kind: 'malformed' } : { kind: 'malformed', body };
  },
  /**
   * An error event in the middle of a stream, after `afterEvents` frames of `reply`.
   * @param error @default llmFault.overloaded()
   */
  midStream(
    error: LlmErrorReply = { kind: 'error', reason: 'overloaded' },
    options: Omit<LlmTruncatedReply, 'kind' | 'error' | 'cut'> = {},
  ): LlmTruncatedReply {
    return { kind: 'truncated', ...options, error };
  },
  /** Cut the response after `afterEvents` stream frames (or half the JSON body). */
  truncated(options: Omit<LlmTruncatedReply, 'kind'> = {}): LlmTruncatedReply {
    return { kind: 'truncated', ...options };
  },
};
