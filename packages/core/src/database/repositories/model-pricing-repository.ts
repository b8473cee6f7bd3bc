import type { Database } from '../create-database.js';
import type { RowExecutor } from '../row-executor.js';

/** The price columns of an `llm_model_pricing` row, as PostgreSQL returns them (USD decimal strings, exact). */
export interface ModelPriceColumns {
  provider: string;
  model: string;
  input_cost_per_1k_tokens: string;
  output_cost_per_1k_tokens: string;
  cache_cost_per_1k_tokens: string | null;
  cache_write_cost_per_1k_tokens: string | null;
  image_cost_per_unit: string | null;
  audio_cost_per_minute: string | null;
  effective_from: Date | string;
  source: string | null;
}

/** One `llm_model_pricing` row as a query returns it: the price columns, and whatever else it selected. */
export interface ModelPriceRow extends ModelPriceColumns {
  [column: string]: unknown;
}

/** An active row with what billing needs beyond the prices. */
export interface ActiveModelPriceRow extends ModelPriceRow {
  id: number | string;
  /** The provider's full price entry (tiers, per-size prices), as jsonb. */
  pricing: Record<string, unknown> | string | null;
  effective_to: Date | string | null;
}

/** A price period to insert; decimal strings, `pricing` as a JSON value. */
export interface ModelPriceInsert {
  provider: string;
  model: string;
  inputCostPer1kTokens: string;
  outputCostPer1kTokens: string;
  cacheCostPer1kTokens: string | null;
  cacheWriteCostPer1kTokens: string | null;
  imageCostPerUnit: string | null;
  audioCostPerMinute: string | null;
  pricing: unknown;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  source: string;
}

const PRICE_COLUMNS = `provider, model, input_cost_per_1k_tokens::text as input_cost_per_1k_tokens,
  output_cost_per_1k_tokens::text as output_cost_per_1k_tokens, cache_cost_per_1k_tokens::text as cache_cost_per_1k_tokens,
  cache_write_cost_per_1k_tokens::text as cache_write_cost_per_1k_tokens, image_cost_per_unit::text as image_cost_per_unit,
  audio_cost_per_minute::text as audio_cost_per_minute, effective_from, source`;

/**
 * Inserts price periods, skipping (provider, model, effective_from) periods already present, so edits made in the
 * table are never overwritten. Safe to run on every start.
 *
 * @returns how many rows were inserted
 */
export async function insertModelPrices(sql: RowExecutor, prices: readonly ModelPriceInsert[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < prices.length; start += 50) {
    const batch = prices.slice(start, start + 50);
    const params: unknown[] = [];
    const values = batch.map((price) => {
      params.push(
        price.provider,
        price.model,
        price.inputCostPer1kTokens,
        price.outputCostPer1kTokens,
        price.cacheCostPer1kTokens,
        price.cacheWriteCostPer1kTokens,
        price.imageCostPerUnit,
        price.audioCostPerMinute,
        JSON.stringify(price.pricing),
        price.effectiveFrom,
        price.effectiveTo,
        price.source,
      );
      return '(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)';
    });
    const rows = await sql.execute(
      `insert into llm_model_pricing (provider, model, input_cost_per_1k_tokens, output_cost_per_1k_tokens,
         cache_cost_per_1k_tokens, cache_write_cost_per_1k_tokens, image_cost_per_unit, audio_cost_per_minute,
         pricing, effective_from, effective_to, source)
       values ${values.join(', ')}
       on conflict (provider, model, effective_from) do nothing
       returning id`,
      params,
    );
    inserted += rows.length;
  }
  return inserted;
}

/** Every active row, current or not: what the LLM service's price catalog is built from. */
export function readActiveModelPrices(sql: RowExecutor): Promise<ActiveModelPriceRow[]> {
  return sql.execute<ActiveModelPriceRow>(
    `select id, provider, model, input_cost_per_1k_tokens, output_cost_per_1k_tokens, cache_cost_per_1k_tokens,
            cache_write_cost_per_1k_tokens, image_cost_per_unit, audio_cost_per_minute, pricing,
            effective_from, effective_to, source
       from llm_model_pricing where is_active`,
  );
}

/** The price in force now of every model, or of one. */
export async function readCurrentModelPrices(db: Database, only?: { provider: string; model: string }): Promise<ModelPriceRow[]> {
  return db
    .fork()
    .getConnection()
    .execute<ModelPriceRow[]>(
      `select distinct on (provider, model) ${PRICE_COLUMNS}
       from llm_model_pricing
      where is_active and effective_from <= now() and (effective_to is null or effective_to > now())
        ${only ? 'and provider = ? and model = ?' : ''}
      order by provider, model, effective_from desc`,
      only ? [only.provider, only.model] : [],
    );
}

/** The price fields a change may set (USD decimal strings); fields left out keep their previous values. */
export interface ModelPriceChange {
  input_cost_per_1k_tokens: string;
  output_cost_per_1k_tokens: string;
  cache_cost_per_1k_tokens?: string | null;
  cache_write_cost_per_1k_tokens?: string | null;
  image_cost_per_unit?: string | null;
  audio_cost_per_minute?: string | null;
}

/**
 * Starts a new price period now: the period in force is closed (`effective_to = now()`) and a new row inserted
 * (`source = 'api'`) that keeps the previous `pricing` details (tiers, per-size prices), in one statement.
 */
export async function startModelPricePeriod(db: Database, provider: string, model: string, change: ModelPriceChange): Promise<ModelPriceRow> {
  const keep = (field: keyof ModelPriceChange) => (change[field] === undefined ? `(select ${field} from closed order by effective_from desc limit 1)` : '?');
  const optional = ['cache_cost_per_1k_tokens', 'cache_write_cost_per_1k_tokens', 'image_cost_per_unit', 'audio_cost_per_minute'] as const;
  const params: unknown[] = [provider, model, provider, model, change.input_cost_per_1k_tokens, change.output_cost_per_1k_tokens];
  for (const field of optional) if (change[field] !== undefined) params.push(change[field]);
  const rows = await db
    .fork()
    .getConnection()
    .execute<ModelPriceRow[]>(
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
     returning ${PRICE_COLUMNS}`,
      params,
    );
  return rows[0]!;
}
