import { BaselineError, type BaselineErrorOptions } from '@baseline/core';
import type { LlmProvider } from '../types/provider-name.js';

/** Every code `@baseline/llm` throws, one per error class below. */
export const LLM_ERROR_CODES = {
  /** The provider (or the local limiter) refused for now; waiting may help. */
  rateLimited: 'BL_ERR_LLM_RATE_LIMITED',
  /** No answer within the configured timeout. */
  timeout: 'BL_ERR_LLM_TIMEOUT',
  /** The provider is down, overloaded, out of quota or unreachable, after retries and fallbacks. */
  providerUnavailable: 'BL_ERR_LLM_PROVIDER_UNAVAILABLE',
  /** The request cannot succeed as written (unknown provider, model not allowed, missing key, a 4xx). */
  invalidRequest: 'BL_ERR_LLM_INVALID_REQUEST',
  /** A guild's or user's spending limit is reached. */
  budgetExceeded: 'BL_ERR_LLM_BUDGET_EXCEEDED',
  /** The model's answer did not match the requested schema. */
  structuredOutput: 'BL_ERR_LLM_STRUCTURED_OUTPUT',
  /** The guild's LLM settings refuse the request (AI off there, or a provider or model outside its lists). */
  notAllowed: 'BL_ERR_LLM_NOT_ALLOWED',
} as const;

/** Any code in {@link LLM_ERROR_CODES}. */
export type LlmErrorCode = (typeof LLM_ERROR_CODES)[keyof typeof LLM_ERROR_CODES];

/** What went wrong, in the few categories a cog acts on. */
export type LlmErrorKind = 'rate_limited' | 'timeout' | 'provider_unavailable' | 'invalid_request' | 'budget_exceeded' | 'structured_output' | 'not_allowed';

const KINDS: Record<LlmErrorCode, LlmErrorKind> = {
  [LLM_ERROR_CODES.rateLimited]: 'rate_limited',
  [LLM_ERROR_CODES.timeout]: 'timeout',
  [LLM_ERROR_CODES.providerUnavailable]: 'provider_unavailable',
  [LLM_ERROR_CODES.invalidRequest]: 'invalid_request',
  [LLM_ERROR_CODES.budgetExceeded]: 'budget_exceeded',
  [LLM_ERROR_CODES.structuredOutput]: 'structured_output',
  [LLM_ERROR_CODES.notAllowed]: 'not_allowed',
};

/** Details every LLM error may carry. */
export interface LlmErrorDetails {
  provider?: LlmProvider;
  model?: string;
  /** HTTP status from the provider, when there was a response. */
  status?: number;
  /** The provider's own error code or type (`insufficient_quota`, `overloaded_error`, `RESOURCE_EXHAUSTED`). */
  providerCode?: string;
  /** How long the provider asked to wait, in milliseconds. */
  retryAfterMs?: number;
  [key: string]: unknown;
}

/** What an {@link LlmError} carries besides its code and message. */
export interface LlmErrorOptions extends BaselineErrorOptions {
  details?: LlmErrorDetails;
}

/**
 * The base of the errors cogs receive from `services.llm`. Match on the subclass, on `kind` or on `code` (from
 * {@link LLM_ERROR_CODES}).
 */
export class LlmError extends BaselineError {
  declare readonly code: LlmErrorCode;
  readonly kind: LlmErrorKind;
  readonly provider: LlmProvider | undefined;
  readonly model: string | undefined;

  constructor(code: LlmErrorCode, message: string, options: LlmErrorOptions = {}) {
    const details = options.details ?? {};
    super(code, message, { ...options, details });
    this.name = 'LlmError';
    this.kind = KINDS[code];
    this.provider = details.provider;
    this.model = details.model;
  }
}

/** The provider (or our own limiter) refused for now; waiting may help. */
export class LlmRateLimitedError extends LlmError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(LLM_ERROR_CODES.rateLimited, message, options);
    this.name = 'LlmRateLimitedError';
    this.retryAfterMs = options.details?.retryAfterMs;
  }
}

/** No answer within the configured timeout. */
export class LlmTimeoutError extends LlmError {
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(LLM_ERROR_CODES.timeout, message, options);
    this.name = 'LlmTimeoutError';
  }
}

/** The provider is down, overloaded, out of quota or unreachable, after retries and fallbacks. */
export class LlmProviderUnavailableError extends LlmError {
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(LLM_ERROR_CODES.providerUnavailable, message, options);
    this.name = 'LlmProviderUnavailableError';
  }
}

/**
 * The request cannot succeed as written: unknown or unconfigured provider, model not allowed, missing key,
 * authentication failure, or a 4xx from the provider. Never retried.
 */
export class LlmInvalidRequestError extends LlmError {
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(LLM_ERROR_CODES.invalidRequest, message, options);
    this.name = 'LlmInvalidRequestError';
  }
}

/** A guild's or user's spending limit is reached; checked before the request is sent. */
export class LlmBudgetExceededError extends LlmError {
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(LLM_ERROR_CODES.budgetExceeded, message, options);
    this.name = 'LlmBudgetExceededError';
  }
}

/** The model's answer did not match the requested schema; `rawText` is what it returned. */
export class LlmStructuredOutputError extends LlmError {
  readonly rawText: string;
  readonly issues: unknown[];
  constructor(message: string, options: LlmErrorOptions & { rawText: string; issues: unknown[] }) {
    const { rawText, issues, ...rest } = options;
    super(LLM_ERROR_CODES.structuredOutput, message, { ...rest, details: { ...rest.details, rawText } });
    this.name = 'LlmStructuredOutputError';
    this.rawText = rawText;
    this.issues = issues;
  }
}

/**
 * The guild's LLM settings refuse the request: AI is turned off there (`details.reason: 'disabled'`), or the
 * provider or model is outside its allowed lists (`'provider'`, `'model'`). Checked before anything is sent.
 */
export class LlmNotAllowedError extends LlmError {
  readonly reason: 'disabled' | 'provider' | 'model';
  constructor(message: string, options: LlmErrorOptions & { details: LlmErrorDetails & { reason: 'disabled' | 'provider' | 'model' } }) {
    super(LLM_ERROR_CODES.notAllowed, message, options);
    this.name = 'LlmNotAllowedError';
    this.reason = options.details.reason;
  }
}
