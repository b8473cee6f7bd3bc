import type { FemtoUsd } from '../money/femto-usd.js';
import type { ModelRates } from './model-rates.js';

type ScalarRate = Exclude<keyof ModelRates, 'tiers' | 'serviceTiers'>;

function highest(rates: readonly ModelRates[], field: ScalarRate): FemtoUsd | null {
  let max: FemtoUsd | null = null;
  for (const r of rates) {
    const value = r[field];
    if (value !== null && (max === null || value > max)) max = value;
  }
  return max;
}

/**
 * The estimate for a model without a price: each rate is the highest of that kind among the provider's
 * priced models (`gpt-5.5-pro` output for OpenAI, `claude-fable-5` for Anthropic…), and where none of them
 * has such a rate, the highest of every provider. Base rates only: long-context and service tiers are left
 * out, so the estimate is the most expensive model's standard price, not the worst case of every option.
 *
 * @param provider the rates of the provider's models in force
 * @param all the rates of every model in force, for the kinds the provider does not price
 */
export function conservativeRates(provider: readonly ModelRates[], all: readonly ModelRates[]): ModelRates {
  const pick = (field: ScalarRate): FemtoUsd | null => highest(provider, field) ?? highest(all, field);
  return {
    input: pick('input'),
    output: pick('output'),
    cacheRead: pick('cacheRead'),
    cacheWrite5m: pick('cacheWrite5m'),
    cacheWrite1h: pick('cacheWrite1h'),
    reasoning: pick('reasoning'),
    inputAudioToken: pick('inputAudioToken'),
    outputAudioToken: pick('outputAudioToken'),
    inputImageToken: pick('inputImageToken'),
    outputImageToken: pick('outputImageToken'),
    perOutputImage: pick('perOutputImage'),
    perInputCharacter: pick('perInputCharacter'),
    perInputSecond: pick('perInputSecond'),
    perOutputSecond: pick('perOutputSecond'),
    tiers: [],
    serviceTiers: {},
  };
}
