import type { DatabaseLike, KeyValueStore, RowExecutor } from '@baseline/core';
import type { BudgetConfig } from '../budgets/budget-limits.js';
import type { PricingCatalog } from '../pricing/pricing-catalog.js';
import type { PricingRecord } from '../pricing/pricing-record.js';
import type { RateLimits } from '../resilience/provider-rate-limiter.js';
import type { RetryPolicy } from '../resilience/retry-policy.js';
import type { LlmProvider } from '../types/provider-name.js';
import type { LlmTarget } from '../types/requests.js';
import type { UsageSink } from '../usage/usage-sink.js';
import type { LlmLogger } from './llm-logger.js';

/** One provider's settings. A provider without `apiKey` is configured but unusable (calls fail at once). */
export interface LlmProviderConfig {
  apiKey?: string;
  /** @default the provider's public endpoint */
  baseUrl?: string;
  /** Per-attempt timeout in milliseconds. @default 60000 */
  timeoutMs?: number;
  /** Retries after the first attempt, overriding the service's policy for this provider. */
  maxRetries?: number;
  /** Model used when a call names none. */
  defaultModel: string;
  /** Models calls may name; omit to allow any. */
  models?: readonly string[];
  /** Requests and tokens per minute, shared across processes through the key-value store. */
  rateLimits?: RateLimits;
  /** Gemini API version (`v1`, `v1beta`). */
  apiVersion?: string;
  /** Anthropic `max_tokens` when a call sets none. @default 4096 */
  defaultMaxTokens?: number;
}

/** Options of `createLlmService`. */
export interface LlmServiceOptions {
  providers: Partial<Record<LlmProvider, LlmProviderConfig>>;
  /** Provider used when a call names none (`LLM_DEFAULT_PROVIDER`). */
  defaultProvider: LlmProvider;
  logger?: LlmLogger;
  /** Rate-limit and budget counters. @default an in-memory store (single process) */
  kv?: KeyValueStore;
  /** Core's database (`services.db`): usage rows go to `llm_usage`, prices come from `llm_model_pricing`. */
  db?: DatabaseLike;
  /** Or a plain SQL executor instead of `db`. */
  sql?: RowExecutor;
  /** Or a custom destination for usage rows (tests, other stores). Overrides `db`/`sql` for usage. */
  usageSink?: UsageSink;
  /** Prices; default: the vendored snapshot, replaced by `llm_model_pricing` after `init()` with a database. */
  pricing?: PricingCatalog | readonly PricingRecord[];
  budgets?: BudgetConfig;
  retry?: Partial<RetryPolicy>;
  /** Fallback chains: per cog name, else `default`. A call's own `fallbacks` win. */
  fallbacks?: { default?: readonly LlmTarget[]; cogs?: Readonly<Record<string, readonly LlmTarget[]>> };
  /** Usage buffer tuning (see `UsageRecorder`). */
  usageBuffer?: { maxBatch?: number; flushIntervalMs?: number };
}
