import type { DatabaseLike, KeyValueStore } from '@baseline/core';
import type { BudgetConfig } from '../budgets/budget-limits.js';
import type { PricingCatalog } from '../pricing/pricing-catalog.js';
import type { PricingRecord } from '../pricing/pricing-record.js';
import type { RateLimits } from '../resilience/provider-rate-limiter.js';
import type { RetryPolicy } from '../resilience/retry-policy.js';
import type { LlmProvider } from '../types/provider-name.js';
import type { LlmTarget } from '../types/requests.js';
import type { UsageRecorderOptions } from '../usage/usage-recorder.js';
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

/**
 * Core's database (`services.db`) as the service's storage: usage rows go to `llm_usage`, prices come from
 * `llm_model_pricing` (seeded from the vendored snapshot when the service is created), `usage()` answers from
 * `llm_usage`, and budget counters the key-value store lost are rebuilt from it.
 */
export interface LlmDatabaseStorage {
  db: DatabaseLike;
  usageSink?: never;
  pricing?: never;
}

/**
 * A custom destination for usage rows (tests, another store) with the prices in memory. `usage()` needs a
 * database and refuses here, and a budget counter the key-value store lost starts again from 0.
 */
export interface LlmSinkStorage {
  /** Receives every batch of usage rows; a rejected write is retried with the same rows. */
  usageSink: UsageSink;
  /**
   * The prices to bill with.
   * @default the vendored snapshot (`snapshotPricingRecords()`)
   */
  pricing?: PricingCatalog | readonly PricingRecord[];
  db?: never;
}

/**
 * Where usage rows go and where prices come from: one of the two, never both. Without storage, rows are
 * dropped (with one warning) and the vendored snapshot prices every request.
 */
export type LlmStorage = LlmDatabaseStorage | LlmSinkStorage;

/** Fallback chains tried, in order, after the request's own target fails. A call's own `fallbacks` win. */
export interface LlmFallbacks {
  /** The chain for calls whose cog has none of its own. */
  default?: readonly LlmTarget[];
  /** Chains per cog name. */
  cogs?: Readonly<Record<string, readonly LlmTarget[]>>;
}

/** How usage rows are recorded. */
export interface LlmUsageOptions {
  /** The in-memory buffer rows wait in before they are written in batches, off the request path. */
  buffer?: Pick<UsageRecorderOptions, 'maxBatch' | 'flushIntervalMs' | 'maxBuffered'>;
}

/**
 * Options of `createLlmService`, grouped by capability: providers, storage, counters, budgets, retries,
 * fallbacks and usage recording each have one input.
 */
export interface LlmServiceOptions {
  /** The providers calls may use, each with its key, models and limits. */
  providers: Partial<Record<LlmProvider, LlmProviderConfig>>;
  /** Provider used when a call names none (`LLM_DEFAULT_PROVIDER`). */
  defaultProvider: LlmProvider;
  /** @default no logging */
  logger?: LlmLogger;
  /**
   * Rate-limit and budget counters and the pricing version key; Redis makes them hold across processes.
   * @default an in-memory store (single process), closed by `close()`
   */
  kv?: KeyValueStore;
  /**
   * Where usage rows go and where prices come from: `{ db }` or `{ usageSink, pricing? }`.
   * @default none: rows dropped with a warning, snapshot prices
   */
  storage?: LlmStorage;
  /** Spending limits per guild and user; none when omitted. */
  budgets?: BudgetConfig;
  /**
   * How each provider/model is retried before the fallback chain moves on.
   * @default DEFAULT_RETRY_POLICY
   */
  retry?: Partial<RetryPolicy>;
  /** Fallback chains: per cog name, else `default`. */
  fallbacks?: LlmFallbacks;
  /** Usage recording: the buffer's batch size, flush interval and capacity. */
  usage?: LlmUsageOptions;
}
