import {
  readCurrentModelPrices,
  startModelPricePeriod,
  type Database,
  type ModelPriceChange,
  type ModelPriceColumns,
  type ModelPriceRow,
} from '@baseline/core';
import { iso } from '../http/schemas.js';

/** A model's current price, as the API returns it: core's price columns (USD decimal strings), the date in ISO 8601. */
export interface ModelPriceView extends Omit<ModelPriceColumns, 'effective_from'> {
  effective_from: string;
}

/** The price columns only: a row may carry others (id, the provider's full entry) the API does not publish. */
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
