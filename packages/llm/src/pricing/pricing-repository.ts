import { insertModelPrices, readActiveModelPrices, type ActiveModelPriceRow, type RowExecutor } from '@baseline/core';
import { formatUsd, perThousandToPerToken, toFemtoUsd } from '../money/femto-usd.js';
import { isLlmProvider } from '../types/provider-name.js';
import { ratesFromEntry, type ModelRates, type PriceEntry } from './model-rates.js';
import type { PricingRecord } from './pricing-record.js';

function perThousand(rate: bigint | null): string | null {
  return rate === null ? null : formatUsd(rate * 1000n, 12);
}

/**
 * Writes records to `llm_model_pricing` through core's pricing repository, skipping (provider, model,
 * effective_from) periods already present, so edits made there are never overwritten. Safe to run on every start.
 *
 * @returns how many rows were inserted.
 */
export async function seedModelPricing(sql: RowExecutor, records: readonly PricingRecord[]): Promise<number> {
  return insertModelPrices(
    sql,
    records.map((record) => {
      const { rates } = record;
      const perSecond = rates.perOutputSecond ?? rates.perInputSecond;
      return {
        provider: record.provider,
        model: record.model,
        inputCostPer1kTokens: perThousand(rates.input) ?? '0',
        outputCostPer1kTokens: perThousand(rates.output) ?? '0',
        cacheCostPer1kTokens: perThousand(rates.cacheRead),
        cacheWriteCostPer1kTokens: perThousand(rates.cacheWrite5m),
        imageCostPerUnit: rates.perOutputImage === null ? null : formatUsd(rates.perOutputImage, 12),
        audioCostPerMinute: perSecond === null ? null : formatUsd(perSecond * 60n, 12),
        pricing: record.entry,
        effectiveFrom: record.effectiveFrom,
        effectiveTo: record.effectiveTo,
        source: record.source,
      };
    }),
  );
}

/**
 * Reads every active row of `llm_model_pricing`. The columns are authoritative for the prices they hold
 * (an edit there changes billing); the `pricing` jsonb supplies the rest (tiers, per-character and
 * per-second prices, service tiers). A column holding `0` where the entry has no price keeps "no price".
 */
export async function loadModelPricing(sql: RowExecutor): Promise<PricingRecord[]> {
  const rows = await readActiveModelPrices(sql);
  const records: PricingRecord[] = [];
  for (const row of rows) {
    if (!isLlmProvider(row.provider)) continue;
    const entry = (typeof row.pricing === 'string' ? JSON.parse(row.pricing) : (row.pricing ?? {})) as PriceEntry;
    records.push({
      id: String(row.id),
      provider: row.provider,
      model: row.model,
      rates: applyColumns(ratesFromEntry(entry), row),
      entry,
      effectiveFrom: new Date(row.effective_from),
      effectiveTo: row.effective_to === null ? null : new Date(row.effective_to),
      source: row.source ?? 'database',
    });
  }
  return records;
}

function applyColumns(rates: ModelRates, row: ActiveModelPriceRow): ModelRates {
  const column = (value: string | null, current: bigint | null): bigint | null => {
    if (value === null) return current;
    const rate = perThousandToPerToken(value);
    return rate === 0n && current === null ? null : rate;
  };
  const perMinute = row.audio_cost_per_minute === null ? null : toFemtoUsd(row.audio_cost_per_minute);
  const perSecond = perMinute === null ? null : (perMinute + 30n) / 60n;
  return {
    ...rates,
    input: column(row.input_cost_per_1k_tokens, rates.input),
    output: column(row.output_cost_per_1k_tokens, rates.output),
    cacheRead: column(row.cache_cost_per_1k_tokens, rates.cacheRead),
    cacheWrite5m: column(row.cache_write_cost_per_1k_tokens, rates.cacheWrite5m),
    perOutputImage: row.image_cost_per_unit === null ? rates.perOutputImage : toFemtoUsd(row.image_cost_per_unit),
    perOutputSecond: rates.perOutputSecond === null ? rates.perOutputSecond : (perSecond ?? rates.perOutputSecond),
    perInputSecond: rates.perOutputSecond === null && perSecond !== null ? perSecond : rates.perInputSecond,
  };
}
