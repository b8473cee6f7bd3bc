import type { LlmProvider } from '../types/provider-name.js';
import type { ModelRates, PriceEntry } from './model-rates.js';

/** One row of `llm_model_pricing`: the prices of one model over one period. */
export interface PricingRecord {
  /** Row id as a string (bigint in the database); `null` for prices not loaded from the database. */
  id: string | null;
  provider: LlmProvider;
  model: string;
  rates: ModelRates;
  /** The full entry (`pricing` jsonb), kept for audit and for prices without a column. */
  entry: PriceEntry;
  effectiveFrom: Date;
  /** Exclusive end; `null` while in force. */
  effectiveTo: Date | null;
  source: string;
}
