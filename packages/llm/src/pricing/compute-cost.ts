import type { FemtoUsd } from '../money/femto-usd.js';
import { usageTotals, type UsageBuckets } from '../types/usage.js';
import type { ModelRates, RateTier } from './model-rates.js';

/** The cost of one request. */
export interface CostResult {
  total: FemtoUsd;
  /** Names of buckets that had usage but no price: the total under-counts them. Empty when fully priced. */
  unpriced: string[];
  /** Names of buckets the model has no price for, charged at `CostOptions.fallback` instead. */
  estimated: string[];
  /** The long-context tier applied (prompt tokens above which it applies), if any. */
  tierAboveTokens: number | null;
}

/** Options that select which of a model's prices apply. */
export interface CostOptions {
  /** The service tier the response reports (`priority`, `flex`, `batch`); others use base prices. */
  serviceTier?: string | null;
  /**
   * Rates for buckets the model has no price for (a conservative estimate where a budget applies), listed
   * in `estimated`; without it such buckets are left out and listed in `unpriced`.
   */
  fallback?: ModelRates;
}

function activeTier(rates: ModelRates, promptTokens: number): RateTier | null {
  let tier: RateTier | null = null;
  for (const candidate of rates.tiers) if (promptTokens > candidate.aboveTokens) tier = candidate;
  return tier;
}

/**
 * Prices disjoint usage buckets. Each bucket is multiplied by exactly one rate:
 * cache reads fall back to the input rate and cache writes to the 5-minute rate, then to input, when a
 * model has no such price (charging more rather than nothing); reasoning uses the reasoning rate or else
 * the output rate. A long-context tier applies to the whole request when the full prompt (uncached + cache
 * reads + cache writes) exceeds its threshold. The long-context tier and the reported service tier change
 * the reasoning rate too: a tier's own reasoning price if the entry has one, else the model's reasoning
 * price scaled by the tier's output rate over the base output rate (Gemini's flash models price reasoning
 * apart; their priority output rate doubles, so does their reasoning rate).
 *
 * @example
 * // Anthropic claude-sonnet-4-6: 50 input, 2000 cache write (5m), 8000 cache read, 400 output
 * computeCost(usageOf({ inputTokens: 50, cacheWrite5mTokens: 2000, cacheReadTokens: 8000, outputTokens: 400 }), rates)
 * // total = 16_050_000_000_000n femto-USD = $0.01605
 */
export function computeCost(usage: UsageBuckets, rates: ModelRates, options: CostOptions = {}): CostResult {
  const tier = activeTier(rates, usageTotals(usage).promptTokens);
  const service = options.serviceTier ? rates.serviceTiers[normalizeServiceTier(options.serviceTier)] : undefined;
  const input = tier?.input ?? service?.input ?? rates.input;
  const output = tier?.output ?? service?.output ?? rates.output;
  const cacheRead = tier?.cacheRead ?? service?.cacheRead ?? rates.cacheRead ?? input;
  const cacheWrite5m = tier?.cacheWrite5m ?? rates.cacheWrite5m ?? input;
  const cacheWrite1h = tier?.cacheWrite1h ?? rates.cacheWrite1h ?? cacheWrite5m;
  const reasoning = tier?.reasoning ?? service?.reasoning ?? scaledReasoning(rates, output);

  let total = 0n;
  const unpriced: string[] = [];
  const estimated: string[] = [];
  const charge = (name: string, amount: number, rate: FemtoUsd | null, fallback: FemtoUsd | null | undefined): void => {
    if (amount <= 0) return;
    const applied = rate ?? fallback ?? null;
    if (applied === null) {
      unpriced.push(name);
      return;
    }
    if (rate === null) estimated.push(name);
    total += (BigInt(Math.round(amount * 1000)) * applied) / 1000n;
  };
  const f = options.fallback;
  charge('input', usage.inputTokens, input, f?.input);
  charge('cache_read', usage.cacheReadTokens, cacheRead, f?.cacheRead);
  charge('cache_write_5m', usage.cacheWrite5mTokens, cacheWrite5m, f?.cacheWrite5m);
  charge('cache_write_1h', usage.cacheWrite1hTokens, cacheWrite1h, f?.cacheWrite1h);
  charge('output', usage.outputTokens, output, f?.output);
  charge('reasoning', usage.reasoningTokens, reasoning, f?.reasoning ?? f?.output);
  charge('input_audio', usage.inputAudioTokens, rates.inputAudioToken ?? input, f?.inputAudioToken);
  charge('output_audio', usage.outputAudioTokens, rates.outputAudioToken ?? output, f?.outputAudioToken);
  charge('input_image', usage.inputImageTokens, rates.inputImageToken ?? input, f?.inputImageToken);
  // Per-image prices and image-token prices describe the same output; prefer the exact token count.
  if (usage.outputImageTokens > 0 && (rates.outputImageToken ?? f?.outputImageToken ?? null) !== null) {
    charge('output_image', usage.outputImageTokens, rates.outputImageToken, f?.outputImageToken);
  } else {
    charge('images', usage.images, rates.perOutputImage, f?.perOutputImage);
  }
  charge('input_seconds', usage.inputSeconds, rates.perInputSecond, f?.perInputSecond);
  charge('output_seconds', usage.outputSeconds, rates.perOutputSecond, f?.perOutputSecond);
  charge('characters', usage.characters, rates.perInputCharacter, f?.perInputCharacter);
  return { total, unpriced, estimated, tierAboveTokens: tier?.aboveTokens ?? null };
}

/** The model's reasoning price moved by the same factor as the output price of the tier in force. */
function scaledReasoning(rates: ModelRates, output: FemtoUsd | null): FemtoUsd | null {
  if (rates.reasoning === null) return output;
  if (output === null || rates.output === null || rates.output === 0n || output === rates.output) return rates.reasoning;
  return (rates.reasoning * output) / rates.output;
}

/** Providers spell tiers differently (`priority`, `PRIORITY`, `batches`); others (`default`, `standard`) use base prices. */
function normalizeServiceTier(tier: string): 'priority' | 'flex' | 'batch' {
  const lower = tier.toLowerCase();
  return lower === 'batches' ? 'batch' : (lower as 'priority' | 'flex' | 'batch');
}
