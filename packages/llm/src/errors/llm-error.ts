import { BaselineError } from '@baseline/core';
import type { LlmProvider } from '../types/provider-name.js';

/** What went wrong, in the few categories a cog acts on. */
export type LlmErrorKind =
  | 'rate_limited'
  | 'timeout'
  | 'provider_unavailable'
  | 'invalid_request'
  | 'budget_exceeded'
  | 'structured_output'
  | 'not_allowed';

const CODES: Record<LlmErrorKind, string> = {
  rate_limited: 'BL_ERR_LLM_RATE_LIMITED',
  timeout: 'BL_ERR_LLM_TIMEOUT',
  provider_unavailable: 'BL_ERR_LLM_PROVIDER_UNAVAILABLE',
  invalid_request: 'BL_ERR_LLM_INVALID_REQUEST',
  budget_exceeded: 'BL_ERR_LLM_BUDGET_EXCEEDED',
  structured_output: 'BL_ERR_LLM_STRUCTURED_OUTPUT',
  not_allowed: 'BL_ERR_LLM_NOT_ALLOWED',
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

/**
 * The base of the errors cogs receive from `services.llm`. Match on the subclass or on `kind`; `code` is the
 * stable `BL_ERR_LLM_*` code for logs.
 */
export class LlmError extends BaselineError {
  readonly kind: LlmErrorKind;
  readonly provider: LlmProvider | undefined;
  readonly model: string | undefined;

  constructor(kind: LlmErrorKind, message: string, details: LlmErrorDetails = {}, cause?: unknown) {
    super(CODES[kind], message, { cause, details });
    this.name = 'LlmError';
    this.kind = kind;
    this.provider = details.provider;
    this.model = details.model;
  }
}

/** The provider (or our own limiter) refused for now; waiting may help. */
export class LlmRateLimitedError extends LlmError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: LlmErrorDetails = {}, cause?: unknown) {
    super('rate_limited', message, details, cause);
    this.name = 'LlmRateLimitedError';
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** No answer within the configured timeout. */
export class LlmTimeoutError extends LlmError {
  constructor(message: string, details: LlmErrorDetails = {}, cause?: unknown) {
    super('timeout', message, details, cause);
    this.name = 'LlmTimeoutError';
  }
}

/** The provider is down, overloaded, out of quota or unreachable, after retries and fallbacks. */
export class LlmProviderUnavailableError extends LlmError {
  constructor(message: string, details: LlmErrorDetails = {}, cause?: unknown) {
    super('provider_unavailable', message, details, cause);
    this.name = 'LlmProviderUnavailableError';
  }
}

/**
 * The request cannot succeed as written: unknown or unconfigured provider, model not allowed, missing key,
 * authentication failure, or a 4xx from the provider. Never retried.
 */
export class LlmInvalidRequestError extends LlmError {
  constructor(message: string, details: LlmErrorDetails = {}, cause?: unknown) {
    super('invalid_request', message, details, cause);
    this.name = 'LlmInvalidRequestError';
  }
}

/** A guild's or user's spending limit is reached; checked before the request is sent. */
export class LlmBudgetExceededError extends LlmError {
  constructor(message: string, details: LlmErrorDetails = {}) {
    super('budget_exceeded', message, details);
    this.name = 'LlmBudgetExceededError';
  }
}

/** The model's answer did not match the requested schema; `rawText` is what it returned. */
export class LlmStructuredOutputError extends LlmError {
  readonly rawText: string;
  readonly issues: unknown[];
  constructor(message: string, rawText: string, issues: unknown[], details: LlmErrorDetails = {}) {
    super('structured_output', message, { ...details, rawText }, undefined);
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
  constructor(message: string, details: LlmErrorDetails & { reason: 'disabled' | 'provider' | 'model' }) {
    super('not_allowed', message, details);
    this.name = 'LlmNotAllowedError';
    this.reason = details.reason;
  }
}
