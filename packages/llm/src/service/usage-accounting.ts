import { performance } from 'node:perf_hooks';
import type { LlmError } from '../errors/llm-error.js';
import { formatUsd, type FemtoUsd } from '../money/femto-usd.js';
import { computeCost, type CostResult } from '../pricing/compute-cost.js';
import type { PricingCatalog } from '../pricing/pricing-catalog.js';
import type { ProviderRateLimiter } from '../resilience/provider-rate-limiter.js';
import type { LlmCallContext } from '../types/requests.js';
import { emptyUsage, usageTotals, type UsageBuckets, type TokenTotals } from '../types/usage.js';
import type { LlmRequestType } from '../usage/usage-record.js';
import type { UsageRecorder } from '../usage/usage-recorder.js';
import type { LlmLogger } from './llm-logger.js';
import type { ResolvedTarget } from './resolve-target.js';

/** What one finished attempt cost. */
export interface AttemptCost {
  costUsd: string;
  /** The same cost in femto-dollars, for the budget hold. */
  total: FemtoUsd;
  totals: TokenTotals;
}

/** Two costs within one xAI tick (1e-10 USD) of each other agree: the provider reports whole ticks. */
const COST_TOLERANCE: FemtoUsd = 100_000n;

/** One attempt to account for. */
export interface AttemptOutcome {
  target: Pick<ResolvedTarget, 'provider' | 'model'>;
  requestType: LlmRequestType;
  context: LlmCallContext;
  /** `performance.now()` when the attempt started. */
  startedAt: number;
  /** The wall-clock time the attempt started: its price is the one in force then. @default now */
  startedOn?: Date;
  usage?: UsageBuckets;
  serviceTier?: string | null;
  rawUsage?: unknown;
  /** The cost the provider reports (xAI), stored beside ours and compared with it. */
  providerCost?: FemtoUsd | null;
  /**
   * A budget limit applies to the request: a model without a price is then charged a conservative
   * estimate instead of 0, so it cannot spend outside the budget.
   */
  budgeted?: boolean;
  /** Non-token billed quantity (images, seconds, characters). */
  units?: number;
  error?: LlmError;
  metadata?: Record<string, unknown>;
}

/**
 * Turns attempts into usage rows, token counts for the rate limiter and one log line each. Everything after
 * computing the cost happens off the request path: the row goes to the buffered recorder, the limiter
 * write is not awaited. The caller settles the request's budget hold with the returned `total`.
 *
 * A model without a price is recorded with `metadata.unpriced`; when a budget applies it is charged at
 * the provider's most expensive rates (`PricingCatalog.conservative`) with `metadata.costEstimated`,
 * otherwise at 0. Likewise a priced model's bucket without a price (`metadata.estimatedBuckets`).
 */
export class UsageAccounting {
  constructor(
    private readonly deps: {
      catalog: () => PricingCatalog;
      recorder: UsageRecorder;
      limiter: ProviderRateLimiter | undefined;
      logger: LlmLogger;
    },
  ) {}

  settle(outcome: AttemptOutcome): AttemptCost {
    const { target, context } = outcome;
    const now = new Date();
    const pricedAt = outcome.startedOn ?? now;
    const latencyMs = Math.max(0, Math.round(performance.now() - outcome.startedAt));
    const usage = outcome.usage;
    const totals = usage ? usageTotals(usage) : usageTotals(emptyUsage());
    const pricing = usage ? this.deps.catalog().find(target.provider, target.model, pricedAt) : null;
    // Where a budget applies, what has no price is charged at the provider's dearest rates, never at 0.
    const fallback = usage && outcome.budgeted ? this.deps.catalog().conservative(target.provider, pricedAt) : undefined;
    let cost: CostResult | null = null;
    if (usage && pricing) cost = computeCost(usage, pricing.rates, { serviceTier: outcome.serviceTier ?? null, ...(fallback ? { fallback } : {}) });
    else if (usage && fallback) cost = computeCost(usage, fallback);
    const total = cost?.total ?? 0n;
    const costUsd = formatUsd(total);
    const metadata: Record<string, unknown> = { ...context.metadata, ...outcome.metadata };
    if (outcome.rawUsage !== undefined) metadata.rawUsage = outcome.rawUsage;
    if (outcome.serviceTier) metadata.serviceTier = outcome.serviceTier;
    if (usage && !pricing) metadata.unpriced = true;
    if ((usage && !pricing && cost) || cost?.estimated.length) metadata.costEstimated = true;
    if (pricing && cost?.estimated.length) metadata.estimatedBuckets = cost.estimated;
    if (cost?.unpriced.length) metadata.unpricedBuckets = cost.unpriced;
    if (cost?.tierAboveTokens) metadata.pricingTierAboveTokens = cost.tierAboveTokens;
    if (outcome.error) metadata.errorMessage = outcome.error.message;
    const providerCost = outcome.providerCost ?? null;
    if (providerCost !== null) {
      metadata.providerCostUsd = formatUsd(providerCost);
      const gap = providerCost > total ? providerCost - total : total - providerCost;
      if (gap > COST_TOLERANCE) {
        this.deps.logger.warn(
          { provider: target.provider, model: target.model, cost_usd: costUsd, provider_cost_usd: metadata.providerCostUsd, pricing_id: pricing?.id ?? null },
          'llm cost differs from the cost the provider reports',
        );
      }
    }

    this.deps.recorder.record({
      guildId: context.guildId ?? null,
      userId: context.userId ?? null,
      cogName: context.cogName ?? null,
      provider: target.provider,
      model: target.model,
      requestType: outcome.requestType,
      status: outcome.error ? 'error' : 'ok',
      errorCode: outcome.error?.code ?? null,
      ...totals,
      units: outcome.units === undefined ? null : String(outcome.units),
      costUsd,
      latencyMs,
      pricingId: pricing?.id ?? null,
      createdAt: now,
      metadata,
    });
    if (totals.totalTokens > 0 && this.deps.limiter) {
      this.deps.limiter.addTokens(target.provider, totals.totalTokens).catch((err: unknown) => this.deps.logger.warn({ err }, 'llm token count failed'));
    }
    if (usage && !pricing) {
      this.deps.logger.warn(
        { provider: target.provider, model: target.model, cost_usd: costUsd, cost_estimated: cost !== null },
        cost ? 'llm model has no price: charged at the estimate' : 'llm model has no price: cost recorded as 0',
      );
    }
    const line = {
      provider: target.provider,
      model: target.model,
      request_type: outcome.requestType,
      guild_id: context.guildId ?? undefined,
      user_id: context.userId ?? undefined,
      cog: context.cogName ?? undefined,
      prompt_tokens: totals.promptTokens,
      completion_tokens: totals.completionTokens,
      cache_read_tokens: totals.cacheReadTokens,
      cache_write_tokens: totals.cacheWriteTokens,
      reasoning_tokens: totals.reasoningTokens,
      cost_usd: costUsd,
      latency_ms: latencyMs,
    };
    if (outcome.error) this.deps.logger.warn({ ...line, error_code: outcome.error.code, err: outcome.error.message }, 'llm request failed');
    else this.deps.logger.info(line, 'llm request');
    return { costUsd, total, totals };
  }
}
