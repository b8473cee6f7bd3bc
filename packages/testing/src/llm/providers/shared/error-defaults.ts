import type { LlmErrorReason } from '../../replies.js';

/** What a provider answers for one failure reason, unless the scripted reply overrides it. */
export interface ProviderErrorDefault {
  status: number;
  /** Anthropic's `error.type`, Gemini's `error.status`, OpenAI's (and xAI's) `error.type`. */
  type: string;
  /** OpenAI's `error.code` (absent for the other providers). */
  code?: string | null;
  message: string;
}

type Provider = 'anthropic' | 'google' | 'openai';

// Gemini and OpenAI word a spent quota alike.
const QUOTA_MESSAGE = 'You exceeded your current quota, please check your plan and billing details.';

/**
 * Each provider's error for each reason, one row per reason so the providers read side by side: statuses, types
 * and messages as the real APIs send them (overloaded: Anthropic 529, the others 503; a bad Gemini key is a 400).
 */
export const PROVIDER_ERROR_DEFAULTS: Record<LlmErrorReason, Record<Provider, ProviderErrorDefault>> = {
  rate_limit: {
    anthropic: { status: 429, type: 'rate_limit_error', message: "This request would exceed your organization's rate limit of 50 requests per minute." },
    google: { status: 429, type: 'RESOURCE_EXHAUSTED', message: QUOTA_MESSAGE },
    // OpenAI's message names the model and the wait, so the renderer writes it.
    openai: { status: 429, type: 'requests', code: 'rate_limit_exceeded', message: '' },
  },
  quota: {
    anthropic: { status: 429, type: 'rate_limit_error', message: 'Your organization has reached its monthly spend limit for this usage tier.' },
    google: { status: 429, type: 'RESOURCE_EXHAUSTED', message: QUOTA_MESSAGE },
    openai: { status: 429, type: 'insufficient_quota', code: 'insufficient_quota', message: QUOTA_MESSAGE },
  },
  invalid_request: {
    anthropic: { status: 400, type: 'invalid_request_error', message: 'Invalid request.' },
    google: { status: 400, type: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' },
    openai: { status: 400, type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  },
  auth: {
    anthropic: { status: 401, type: 'authentication_error', message: 'invalid x-api-key' },
    google: { status: 400, type: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' },
    openai: {
      status: 401,
      type: 'invalid_request_error',
      code: 'invalid_api_key',
      message: 'Incorrect API key provided. You can find your API key in your account settings.',
    },
  },
  permission: {
    anthropic: { status: 403, type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
    google: { status: 403, type: 'PERMISSION_DENIED', message: 'The caller does not have permission' },
    openai: { status: 403, type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Permission denied.' },
  },
  not_found: {
    anthropic: { status: 404, type: 'not_found_error', message: 'Not found.' },
    google: { status: 404, type: 'NOT_FOUND', message: 'Requested entity was not found.' },
    openai: { status: 404, type: 'invalid_request_error', code: 'model_not_found', message: 'Not found.' },
  },
  server: {
    anthropic: { status: 500, type: 'api_error', message: 'Internal server error' },
    google: { status: 500, type: 'INTERNAL', message: 'An internal error has occurred. Please retry.' },
    openai: { status: 500, type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  },
  overloaded: {
    anthropic: { status: 529, type: 'overloaded_error', message: 'Overloaded' },
    google: { status: 503, type: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
    openai: { status: 503, type: 'server_error', code: 'server_is_overloaded', message: 'The server is overloaded or not ready yet.' },
  },
  timeout: {
    anthropic: { status: 504, type: 'timeout_error', message: 'Request timed out' },
    google: { status: 504, type: 'DEADLINE_EXCEEDED', message: 'Deadline expired before operation could complete.' },
    openai: { status: 504, type: 'server_error', code: 'timeout', message: 'Request timed out.' },
  },
};
