import type { Database } from '@baseline/core';
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

/** The price fields a change may set. */
export type PriceChange = Pick<ModelPriceView, 'input_cost_per_1k_tokens' | 'output_cost_per_1k_tokens'> &
  Partial<Pick<ModelPriceView, 'cache_cost_per_1k_tokens' | 'cache_write_cost_per_1k_tokens' | 'image_cost_per_unit' | 'audio_cost_per_minute'>>;

const COLUMNS = `provider, model, input_cost_per_1k_tokens::text as input_cost_per_1k_tokens,
  output_cost_per_1k_tokens::text as output_cost_per_1k_tokens, cache_cost_per_1k_tokens::text as cache_cost_per_1k_tokens,
  cache_write_cost_per_1k_tokens::text as cache_write_cost_per_1k_tokens, image_cost_per_unit::text as image_cost_per_unit,
  audio_cost_per_minute::text as audio_cost_per_minute, effective_from, source`;

type Row = Omit<ModelPriceView, 'effective_from'> & { effective_from: Date | string };
const view = (row: Row): ModelPriceView => ({ ...row, effective_from: iso(row.effective_from)! });

/** The price in force now of every model (or of one). */
export async function currentPrices(db: Database, only?: { provider: string; model: string }): Promise<ModelPriceView[]> {
  const rows = await db.fork().getConnection().execute<Row[]>(
    `select distinct on (provider, model) ${COLUMNS}
       from llm_model_pricing
      where is_active and effective_from <= now() and (effective_to is null or effective_to > now())
        ${only ? 'and provider = ? and model = ?' : ''}
      order by provider, model, effective_from desc`,
    only ? [only.provider, only.model] : [],
  );
  return rows.map(view);
}

/**
 * Starts a new price period now: the period in force is closed (`effective_to = now()`) and a new row inserted
 * that keeps the previous `pricing` details (tiers, per-size prices), in one statement. Price fields not given
 * keep their previous values.
 */
export async function changePrice(db: Database, provider: string, model: string, change: PriceChange): Promise<ModelPriceView> {
  const keep = (field: keyof PriceChange) => (change[field] === undefined ? `(select ${field} from closed order by effective_from desc limit 1)` : '?');
  const optional = ['cache_cost_per_1k_tokens', 'cache_write_cost_per_1k_tokens', 'image_cost_per_unit', 'audio_cost_per_minute'] as const;
  const params: unknown[] = [provider, model, provider, model, change.input_cost_per_1k_tokens, change.output_cost_per_1k_tokens];
  for (const field of optional) if (change[field] !== undefined) params.push(change[field]);
  const rows = await db.fork().getConnection().execute<Row[]>(
    `with closed as (
       update llm_model_pricing set effective_to = now(), updated_at = now()
        where provider = ? and model = ? and is_active and (effective_to is null or effective_to > now())
       returning *
     )
     insert into llm_model_pricing (provider, model, input_cost_per_1k_tokens, output_cost_per_1k_tokens,
       cache_cost_per_1k_tokens, cache_write_cost_per_1k_tokens, image_cost_per_unit, audio_cost_per_minute,
       pricing, is_active, effective_from, effective_to, source, updated_at)
     values (?, ?, ?, ?, ${optional.map(keep).join(', ')},
       (select pricing from closed order by effective_from desc limit 1), true, now(), null, 'api', now())
     returning ${COLUMNS}`,
    params,
  );
  return view(rows[0]!);
}
