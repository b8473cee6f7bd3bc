import { performance } from 'node:perf_hooks';
import type { BudgetGuard } from '../budgets/budget-guard.js';
import type { LlmError } from '../errors/llm-error.js';
import { formatUsd } from '../money/femto-usd.js';
import { computeCost } from '../pricing/compute-cost.js';
import type { PricingCatalog } from '../pricing/pricing-catalog.js';
import type { ProviderRateLimiter } from '../resilience/provider-rate-limiter.js';
import type { LlmCallContext } from '../types/requests.js';
import { emptyUsage, usageTotals, type UsageBuckets, type UsageTotals } from '../types/usage.js';
import type { LlmRequestType } from '../usage/usage-record.js';
import type { UsageRecorder } from '../usage/usage-recorder.js';
import type { LlmLogger } from './llm-logger.js';
import type { ResolvedTarget } from './resolve-target.js';

/** What one finished attempt cost. */
export interface AttemptCost {
  costUsd: string;
  totals: UsageTotals;
}

/** One attempt to account for. */
export interface AttemptOutcome {
  target: Pick<ResolvedTarget, 'provider' | 'model'>;
  requestType: LlmRequestType;
  context: LlmCallContext;
  /** `performance.now()` when the attempt started. */
  startedAt: number;
  usage?: UsageBuckets;
  serviceTier?: string | null;
  rawUsage?: unknown;
  /** Non-token billed quantity (images, seconds, characters). */
  units?: number;
  error?: LlmError;
  metadata?: Record<string, unknown>;
}

/**
 * Turns attempts into usage rows, budget charges, token counts for the rate limiter and one log line
 * each. Everything after computing the cost happens off the request path: the row goes to the buffered
 * recorder, the budget and limiter writes are not awaited.
 */
export class UsageAccounting {
  constructor(
    private readonly deps: {
      catalog: () => PricingCatalog;
      recorder: UsageRecorder;
      budget: BudgetGuard | undefined;
      limiter: ProviderRateLimiter | undefined;
      logger: LlmLogger;
    },
  ) {}

  settle(outcome: AttemptOutcome): AttemptCost {
    const { target, context } = outcome;
    const now = new Date();
    const latencyMs = Math.max(0, Math.round(performance.now() - outcome.startedAt));
    const usage = outcome.usage;
    const totals = usage ? usageTotals(usage) : usageTotals(emptyUsage());
    const pricing = usage ? this.deps.catalog().find(target.provider, target.model, now) : null;
    const cost = usage && pricing ? computeCost(usage, pricing.rates, { serviceTier: outcome.serviceTier ?? null }) : null;
    const costUsd = formatUsd(cost?.total ?? 0n);
    const metadata: Record<string, unknown> = { ...context.metadata, ...outcome.metadata };
    if (outcome.rawUsage !== undefined) metadata.rawUsage = outcome.rawUsage;
    if (outcome.serviceTier) metadata.serviceTier = outcome.serviceTier;
    if (usage && !pricing) metadata.unpriced = true;
    if (cost?.unpriced.length) metadata.unpricedBuckets = cost.unpriced;
    if (cost?.tierAboveTokens) metadata.pricingTierAboveTokens = cost.tierAboveTokens;
    if (outcome.error) metadata.errorMessage = outcome.error.message;

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
    if (cost && cost.total > 0n && this.deps.budget) {
      this.deps.budget.charge(context, cost.total, now).catch((err: unknown) => this.deps.logger.error({ err }, 'llm budget charge failed'));
    }
    if (totals.totalTokens > 0 && this.deps.limiter) {
      this.deps.limiter.addTokens(target.provider, totals.totalTokens).catch((err: unknown) => this.deps.logger.warn({ err }, 'llm token count failed'));
    }
    if (usage && !pricing) this.deps.logger.warn({ provider: target.provider, model: target.model }, 'llm model has no price: cost recorded as 0');
    const line = {
      provider: target.provider,
      model: target.model,
      requestType: outcome.requestType,
      guildId: context.guildId ?? undefined,
      userId: context.userId ?? undefined,
      cog: context.cogName ?? undefined,
      promptTokens: totals.promptTokens,
      completionTokens: totals.completionTokens,
      cacheReadTokens: totals.cacheReadTokens,
      cacheWriteTokens: totals.cacheWriteTokens,
      reasoningTokens: totals.reasoningTokens,
      costUsd,
      latencyMs,
    };
    if (outcome.error) this.deps.logger.warn({ ...line, errorCode: outcome.error.code, err: outcome.error.message }, 'llm request failed');
    else this.deps.logger.info(line, 'llm request');
    return { costUsd, totals };
  }
}
