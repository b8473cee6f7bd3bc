// The service.
export { createLlmService, type LlmService } from './service/create-llm-service.js';
export type {
  LlmDatabaseStorage,
  LlmFallbacks,
  LlmProviderConfig,
  LlmServiceOptions,
  LlmSinkStorage,
  LlmStorage,
  LlmUsageOptions,
} from './service/llm-service-options.js';
export { createLlmServiceFromConfig, DEFAULT_MODELS, type LlmServiceDeps } from './config/create-llm-service-from-config.js';
export { configuredLlmProviders, defaultLlmExtension, llmExtension, withDefaultLlmExtension, type LlmExtensionOptions } from './config/llm-extension.js';

// Per guild: settings, policy and the bound service.
export { LLM_SETTINGS_NAMESPACE, llmSettings, parseGuildModel, type LlmGuildSettings } from './guild/llm-settings.js';
export { applyGuildPolicy, type RequestedTarget } from './guild/guild-policy.js';
export { bindLlm, type BoundLlm, type LlmBinding } from './guild/bind-llm.js';
export type { LlmStream, StreamRequest } from './service/stream-text.js';
export type { LlmLogger } from './service/llm-logger.js';
export type { AttemptSummary } from './service/run-with-fallbacks.js';

// Requests and results.
export { LLM_PROVIDERS, isLlmProvider, type LlmProvider } from './types/provider-name.js';
export type { LlmFinishReason, LlmMessage, LlmToolCall } from './types/messages.js';
export type { CompleteRequest, GenerationParams, LlmCallContext, LlmTarget, LlmToolChoice } from './types/requests.js';
export type { CompletionResult, LlmCallInfo } from './types/results.js';
export type { UsageBuckets, TokenTotals } from './types/usage.js';

// Images and audio.
export type {
  GenerateImageRequest,
  GenerateImageResult,
  GeneratedImage,
  MediaRequestBase,
  SpeechRequest,
  SpeechResult,
  TranscribeRequest,
  TranscribeResult,
} from './media/media-types.js';

// Tools and structured output.
export { defineTool, type DefineToolOptions, type JsonSchema, type LlmToolDefinition } from './tools/define-tool.js';
export type { RunToolsRequest, RunToolsResult } from './tools/run-tools.js';
export type { CompleteStructuredRequest, StructuredResult } from './structured/complete-structured.js';
export { schemaForProvider, toAnthropicSchema, toGeminiSchema, toOpenAiStrictSchema } from './structured/schema-dialects.js';

// Errors.
export {
  LlmBudgetExceededError,
  LLM_ERROR_CODES,
  LlmError,
  LlmInvalidRequestError,
  LlmNotAllowedError,
  LlmProviderUnavailableError,
  LlmRateLimitedError,
  LlmStructuredOutputError,
  LlmTimeoutError,
  type LlmErrorCode,
  type LlmErrorDetails,
  type LlmErrorKind,
  type LlmErrorOptions,
} from './errors/llm-error.js';

// Capabilities.
export { modelCapabilities, type ModelCapabilities } from './capabilities/model-capabilities.js';

// Pricing and cost.
export { computeCost, type CostOptions, type CostResult } from './pricing/compute-cost.js';
export { PricingCatalog } from './pricing/pricing-catalog.js';
export type { PricingRecord } from './pricing/pricing-record.js';
export { ratesFromEntry, type ModelRates, type PriceEntry } from './pricing/model-rates.js';
export { PRICE_SNAPSHOT_DATE, snapshotPricingRecords } from './pricing/snapshot-pricing.js';
export { PRICE_OVERRIDES, type PriceOverride } from './pricing/price-overrides.js';
export { loadModelPricing, seedModelPricing } from './pricing/pricing-repository.js';
export { formatUsd, toFemtoUsd, type FemtoUsd } from './money/femto-usd.js';

// Usage recording.
export type { LlmRequestType, UsageRecord } from './usage/usage-record.js';
export type { UsageSink } from './usage/usage-sink.js';
export { UsageRecorder, type UsageRecorderOptions } from './usage/usage-recorder.js';
export { createSqlUsageSink } from './usage/sql-usage-sink.js';
// The LLM service's usage query is core's (`llm_usage` belongs to core), re-exported so `usage()`'s types are at hand.
export { queryUsage, type UsageAggregate, type UsageDimension, type UsageQuery } from '@baseline/core';

// Resilience and budgets.
export type { RateLimits } from './resilience/provider-rate-limiter.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './resilience/retry-policy.js';
export type { BudgetConfig, SpendLimits } from './budgets/budget-limits.js';
export { BudgetGuard, type BudgetScope, type SpentSince } from './budgets/budget-guard.js';
export type { BudgetHold } from './budgets/budget-hold.js';
