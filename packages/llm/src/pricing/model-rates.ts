import { toFemtoUsd, type FemtoUsd } from '../money/femto-usd.js';

/** Token prices that replace the base ones when the prompt exceeds `aboveTokens` (whole request). */
export interface RateTier {
  aboveTokens: number;
  input: FemtoUsd | null;
  output: FemtoUsd | null;
  cacheRead: FemtoUsd | null;
  cacheWrite5m: FemtoUsd | null;
  cacheWrite1h: FemtoUsd | null;
  /** The tier's own reasoning price, when the entry has one (else the base one is scaled like output). */
  reasoning: FemtoUsd | null;
}

/** Per-service-tier token prices (`priority`, `flex`, `batch`), priced by the tier the response reports. */
export interface ServiceTierRates {
  input: FemtoUsd | null;
  output: FemtoUsd | null;
  cacheRead: FemtoUsd | null;
  /** The tier's own reasoning price, when the entry has one (else the base one is scaled like output). */
  reasoning: FemtoUsd | null;
}

/**
 * Every price the cost computation may need, in femto-dollars per unit (token, image, second, character).
 * `null` means the pricing entry has no such price.
 */
export interface ModelRates {
  input: FemtoUsd | null;
  output: FemtoUsd | null;
  cacheRead: FemtoUsd | null;
  cacheWrite5m: FemtoUsd | null;
  cacheWrite1h: FemtoUsd | null;
  reasoning: FemtoUsd | null;
  inputAudioToken: FemtoUsd | null;
  outputAudioToken: FemtoUsd | null;
  inputImageToken: FemtoUsd | null;
  outputImageToken: FemtoUsd | null;
  perOutputImage: FemtoUsd | null;
  perInputCharacter: FemtoUsd | null;
  perInputSecond: FemtoUsd | null;
  perOutputSecond: FemtoUsd | null;
  tiers: RateTier[];
  serviceTiers: Partial<Record<'priority' | 'flex' | 'batch', ServiceTierRates>>;
}

/** A snapshot entry as in `llm-prices.json` (USD per token / image / second / character). */
export type PriceEntry = Record<string, unknown>;

function price(entry: PriceEntry, key: string): FemtoUsd | null {
  const value = entry[key];
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? toFemtoUsd(value) : null;
}

const TIER_SUFFIX = /_above_(\d+)k_tokens$/;

/** Reads the prices of one snapshot entry. Unknown keys are ignored; the entry stays in `pricing` jsonb. */
export function ratesFromEntry(entry: PriceEntry): ModelRates {
  const thresholds = new Set<number>();
  for (const key of Object.keys(entry)) {
    const match = TIER_SUFFIX.exec(key);
    if (match && !key.includes('above_1hr_above')) thresholds.add(Number(match[1]) * 1000);
  }
  const tiers = [...thresholds]
    .sort((a, b) => a - b)
    .map((aboveTokens): RateTier => {
      const suffix = `_above_${aboveTokens / 1000}k_tokens`;
      return {
        aboveTokens,
        input: price(entry, `input_cost_per_token${suffix}`),
        output: price(entry, `output_cost_per_token${suffix}`),
        cacheRead: price(entry, `cache_read_input_token_cost${suffix}`),
        cacheWrite5m: price(entry, `cache_creation_input_token_cost${suffix}`),
        cacheWrite1h: price(entry, `cache_creation_input_token_cost_above_1hr${suffix}`),
        reasoning: price(entry, `output_cost_per_reasoning_token${suffix}`),
      };
    });
  const serviceTier = (suffix: string): ServiceTierRates | undefined => {
    const rates = {
      input: price(entry, `input_cost_per_token_${suffix}`),
      output: price(entry, `output_cost_per_token_${suffix}`),
      cacheRead: price(entry, `cache_read_input_token_cost_${suffix}`),
      reasoning: price(entry, `output_cost_per_reasoning_token_${suffix}`),
    };
    return rates.input === null && rates.output === null ? undefined : rates;
  };
  const serviceTiers: ModelRates['serviceTiers'] = {};
  for (const [name, suffix] of [
    ['priority', 'priority'],
    ['flex', 'flex'],
    ['batch', 'batches'],
  ] as const) {
    const rates = serviceTier(suffix);
    if (rates) serviceTiers[name] = rates;
  }
  return {
    input: price(entry, 'input_cost_per_token'),
    output: price(entry, 'output_cost_per_token'),
    cacheRead: price(entry, 'cache_read_input_token_cost'),
    cacheWrite5m: price(entry, 'cache_creation_input_token_cost'),
    cacheWrite1h: price(entry, 'cache_creation_input_token_cost_above_1hr'),
    reasoning: price(entry, 'output_cost_per_reasoning_token'),
    inputAudioToken: price(entry, 'input_cost_per_audio_token'),
    outputAudioToken: price(entry, 'output_cost_per_audio_token'),
    inputImageToken: price(entry, 'input_cost_per_image_token'),
    outputImageToken: price(entry, 'output_cost_per_image_token'),
    perOutputImage: price(entry, 'output_cost_per_image') ?? price(entry, 'input_cost_per_image'),
    perInputCharacter: price(entry, 'input_cost_per_character'),
    perInputSecond: price(entry, 'input_cost_per_second'),
    perOutputSecond: price(entry, 'output_cost_per_second'),
    tiers,
    serviceTiers,
  };
}
