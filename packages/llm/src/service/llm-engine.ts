import { createMemoryKeyValue, LLM_PRICING_VERSION_KEY, rowExecutorFromDatabase, type KeyValueStore, type RowExecutor } from '@baseline/core';
import { BudgetGuard } from '../budgets/budget-guard.js';
import { BudgetHold } from '../budgets/budget-hold.js';
import { spentSinceFromUsage } from '../budgets/spent-since-from-usage.js';
import type { FemtoUsd } from '../money/femto-usd.js';
import { computeCost } from '../pricing/compute-cost.js';
import { PricingCatalog } from '../pricing/pricing-catalog.js';
import { loadModelPricing, seedModelPricing } from '../pricing/pricing-repository.js';
import { snapshotPricingRecords } from '../pricing/snapshot-pricing.js';
import { createAnthropicAdapter } from '../providers/anthropic/anthropic-adapter.js';
import { createGeminiAdapter } from '../providers/gemini/gemini-adapter.js';
import { createOpenAiAdapter } from '../providers/openai/openai-adapter.js';
import type { ProviderAdapter } from '../providers/provider-adapter.js';
import { ProviderHolds } from '../resilience/provider-holds.js';
import { ProviderRateLimiter, type RateLimits } from '../resilience/provider-rate-limiter.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../resilience/retry-policy.js';
import type { LlmProvider } from '../types/provider-name.js';
import type { LlmCallContext, LlmTarget } from '../types/requests.js';
import type { UsageBuckets } from '../types/usage.js';
import { createSqlUsageSink } from '../usage/sql-usage-sink.js';
import type { LlmRequestType } from '../usage/usage-record.js';
import { UsageRecorder } from '../usage/usage-recorder.js';
import type { UsageSink } from '../usage/usage-sink.js';
import { silentLlmLogger, type LlmLogger } from './llm-logger.js';
import type { LlmProviderConfig, LlmServiceOptions } from './llm-service-options.js';
import { resolveTarget, type ResolvedTarget } from './resolve-target.js';
import { DEFAULT_TIMEOUT_MS, runWithFallbacks, type AttemptHandle, type AttemptSummary } from './run-with-fallbacks.js';
import { UsageAccounting } from './usage-accounting.js';

/** A sink that drops rows, with one warning: used when no storage is configured. */
function discardingSink(logger: LlmLogger): UsageSink {
  let warned = false;
  return {
    async write() {
      if (!warned) logger.warn({}, 'llm usage is not persisted: no storage configured');
      warned = true;
    },
  };
}

/** The shared machinery behind every `services.llm` method. Internal: cogs use the service. */
export class LlmEngine {
  readonly logger: LlmLogger;
  readonly kv: KeyValueStore;
  readonly sql: RowExecutor | undefined;
  readonly recorder: UsageRecorder;
  readonly budget: BudgetGuard | undefined;
  readonly limiter: ProviderRateLimiter | undefined;
  /** Providers/models that asked, with a wait hint, not to be called before some time. */
  readonly holds = new ProviderHolds();
  readonly accounting: UsageAccounting;
  readonly policy: RetryPolicy;
  catalog: PricingCatalog;
  readonly #options: LlmServiceOptions;
  readonly #adapters = new Map<LlmProvider, ProviderAdapter>();
  readonly #ownsKv: boolean;
  /** `LLM_PRICING_VERSION_KEY` when the prices were last loaded from the database; `undefined` before. */
  #pricingVersion: string | null | undefined;

  constructor(options: LlmServiceOptions) {
    this.#options = options;
    this.logger = (options.logger ?? silentLlmLogger).child({ component: 'llm' });
    this.#ownsKv = !options.kv;
    // The in-memory store only calls warn/error, which every LlmLogger has.
    this.kv = options.kv ?? createMemoryKeyValue({ logger: this.logger as unknown as Parameters<typeof createMemoryKeyValue>[0]['logger'], prefix: 'llm:' });
    const { storage } = options;
    this.sql = storage?.db ? rowExecutorFromDatabase(storage.db) : undefined;
    const sink = storage?.usageSink ?? (this.sql ? createSqlUsageSink(this.sql) : discardingSink(this.logger));
    this.recorder = new UsageRecorder({ sink, logger: this.logger, ...options.usage?.buffer });
    // Counters lost from the store are rebuilt from llm_usage, after writing the rows still buffered.
    const spentSince = this.sql ? spentSinceFromUsage(this.sql, () => this.recorder.flush()) : undefined;
    this.budget = options.budgets ? new BudgetGuard(this.kv, options.budgets, spentSince) : undefined;
    const limits: Partial<Record<LlmProvider, RateLimits>> = {};
    for (const [name, config] of Object.entries(options.providers) as [LlmProvider, LlmProviderConfig][]) {
      if (config.rateLimits) limits[name] = config.rateLimits;
    }
    this.limiter = Object.keys(limits).length > 0 ? new ProviderRateLimiter(this.kv, limits) : undefined;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const pricing = storage?.pricing;
    this.catalog = pricing instanceof PricingCatalog ? pricing : new PricingCatalog(pricing ?? snapshotPricingRecords());
    this.accounting = new UsageAccounting({
      catalog: () => this.catalog,
      recorder: this.recorder,
      limiter: this.limiter,
      logger: this.logger,
    });
  }

  get defaultProvider(): LlmProvider {
    return this.#options.defaultProvider;
  }

  /** Providers that have an API key, in the order of `LLM_PROVIDERS`. */
  configuredProviders(): LlmProvider[] {
    return (Object.keys(this.#options.providers) as LlmProvider[]).filter((provider) => this.#options.providers[provider]?.apiKey !== undefined);
  }

  /** The text model a provider uses when a request names none (its `defaultModel`). */
  defaultModel(provider: LlmProvider): string | undefined {
    return this.#options.providers[provider]?.defaultModel;
  }

  adapter(provider: LlmProvider, config: LlmProviderConfig & { apiKey: string }): ProviderAdapter {
    let adapter = this.#adapters.get(provider);
    if (adapter) return adapter;
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const base = { apiKey: config.apiKey, timeoutMs, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) };
    if (provider === 'anthropic')
      adapter = createAnthropicAdapter({ ...base, ...(config.defaultMaxTokens ? { defaultMaxTokens: config.defaultMaxTokens } : {}) });
    else if (provider === 'gemini') adapter = createGeminiAdapter({ ...base, ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}) });
    else adapter = createOpenAiAdapter(provider, base);
    this.#adapters.set(provider, adapter);
    return adapter;
  }

  /** Resolves one target against the configured providers (key, allowed models), with its cached adapter. */
  target(target: LlmTarget): ResolvedTarget {
    return resolveTarget(target, this.#options.providers, (p, c) => this.adapter(p, c));
  }

  /**
   * The targets to try: the request's own, then its `fallbacks`, else the cog's chain, else the default
   * chain. The first target is checked strictly (a bad provider, key or model fails the call at once);
   * a configured fallback that cannot be used is skipped with a warning.
   */
  chain(primary: Partial<LlmTarget>, context: LlmCallContext, fallbacks: readonly LlmTarget[] | undefined): ResolvedTarget[] {
    const first = this.target({ provider: primary.provider ?? this.defaultProvider, ...(primary.model ? { model: primary.model } : {}) });
    const configured = fallbacks ?? (context.cogName ? this.#options.fallbacks?.cogs?.[context.cogName] : undefined) ?? this.#options.fallbacks?.default ?? [];
    const chain = [first];
    for (const candidate of configured) {
      try {
        const resolved = this.target(candidate);
        if (!chain.some((t) => t.provider === resolved.provider && t.model === resolved.model)) chain.push(resolved);
      } catch (error) {
        if (fallbacks) throw error;
        this.logger.warn({ provider: candidate.provider, model: candidate.model, err: (error as Error).message }, 'llm fallback skipped');
      }
    }
    return chain;
  }

  /**
   * The start step of `createLlmService`: seeds `llm_model_pricing` from the vendored snapshot (existing periods
   * are kept) and loads the prices in force from it. Without a database the catalog given (or the snapshot) stays.
   */
  async loadPricing(): Promise<void> {
    if (!this.sql) return;
    await seedModelPricing(this.sql, snapshotPricingRecords());
    await this.reloadPricing();
  }

  /** Loads the prices in force from `llm_model_pricing`, noting the pricing version they correspond to. */
  async reloadPricing(): Promise<void> {
    if (!this.sql) return;
    // Read before loading: an edit landing in between leaves a newer version, so the next request reloads.
    const version = (await this.kv.get(LLM_PRICING_VERSION_KEY)) ?? null;
    this.catalog.replace(await loadModelPricing(this.sql));
    this.#pricingVersion = version;
  }

  /**
   * Starts a request: reloads the prices if an edit was announced since they were loaded (the version key
   * moved), then reserves the request's estimated cost against its budgets, or throws
   * `LlmBudgetExceededError` before anything is sent. The estimate is `usage` priced at the dearest target
   * of the chain (a target without a price at the provider's conservative rates). Settle the hold with
   * {@link settleBudget}.
   */
  async startRequest(context: LlmCallContext, chain: readonly ResolvedTarget[], usage: UsageBuckets): Promise<BudgetHold> {
    if (this.#pricingVersion !== undefined) {
      try {
        if (((await this.kv.get(LLM_PRICING_VERSION_KEY)) ?? null) !== this.#pricingVersion) await this.reloadPricing();
      } catch (err) {
        // Stale prices for one request beat no answer; the next request tries again.
        this.logger.warn({ err }, 'llm pricing refresh failed: prices as last loaded');
      }
    }
    if (!this.budget) return BudgetHold.none();
    const now = new Date();
    let estimate: FemtoUsd = 0n;
    for (const target of chain) {
      const rates = this.catalog.find(target.provider, target.model, now)?.rates ?? this.catalog.conservative(target.provider, now);
      const cost = computeCost(usage, rates).total;
      if (cost > estimate) estimate = cost;
    }
    return this.budget.reserve(context, estimate, now);
  }

  /** Replaces a hold's estimate with the actual cost; a store failure is logged, never thrown at the caller. */
  async settleBudget(hold: BudgetHold, cost: FemtoUsd): Promise<void> {
    await hold.settle(cost).catch((err: unknown) => this.logger.error({ err }, 'llm budget settle failed'));
  }

  run<T>(
    chain: readonly ResolvedTarget[],
    requestType: LlmRequestType,
    context: LlmCallContext,
    options: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined },
    attempt: (handle: AttemptHandle) => Promise<T>,
  ): Promise<{ value: T; target: ResolvedTarget; attempts: AttemptSummary[] }> {
    return runWithFallbacks(
      chain,
      {
        policy: this.policy,
        limiter: this.limiter,
        holds: this.holds,
        accounting: this.accounting,
        logger: this.logger,
        requestType,
        context,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      },
      attempt,
    );
  }

  async close(): Promise<void> {
    await this.recorder.close();
    if (this.#ownsKv) await this.kv.close();
  }
}
