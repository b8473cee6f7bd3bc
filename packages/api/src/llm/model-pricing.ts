import { readCurrentModelPrices, startModelPricePeriod, type Database, type ModelPriceChange, type ModelPriceRow } from '@baseline/core';
import { iso } from '../http/schemas.js';

/** A model's current price, as the API returns it (USD decimal strings). */
export interface ModelPriceView {
  provider: string;
  model: string;
  input_cost_per_1k_tokens: string;
  output_cost_per_1k_tokens: string;
  cache_cost_per_1k_tokens: string | null;
  cache_write_cost_per_1k_tokens: string | null;
  image_cost_per_unit: string | null;
  audio_cost_per_minute: string | null;
  effective_from: string;
  source: string | null;
}

function view(row: ModelPriceRow): ModelPriceView {
  return {
    provider: row.provider,
    model: row.model,
    input_cost_per_1k_tokens: row.input_cost_per_1k_tokens,
    output_cost_per_1k_tokens: row.output_cost_per_1k_tokens,
    cache_cost_per_1k_tokens: row.cache_cost_per_1k_tokens,
    cache_write_cost_per_1k_tokens: row.cache_write_cost_per_1k_tokens,
    image_cost_per_unit: row.image_cost_per_unit,
    audio_cost_per_minute: row.audio_cost_per_minute,
    effective_from: iso(row.effective_from),
    source: row.source,
  };
}

/** The price in force now of every model (or of one), through core's pricing repository. */
export async function currentPrices(db: Database, only?: { provider: string; model: string }): Promise<ModelPriceView[]> {
  return (await readCurrentModelPrices(db, only)).map(view);
}

/** Starts a new price period now (see core's `startModelPricePeriod`); price fields not given keep their values. */
export async function changePrice(db: Database, provider: string, model: string, change: ModelPriceChange): Promise<ModelPriceView> {
  return view(await startModelPricePeriod(db, provider, model, change));
}
