import snapshot from './llm-prices-2026-07-24.json' with { type: 'json' };
import { isLlmProvider } from '../types/provider-name.js';
import { ratesFromEntry, type PriceEntry } from './model-rates.js';
import type { PricingRecord } from './pricing-record.js';
import { PRICE_OVERRIDES } from './price-overrides.js';

/** Date of the vendored LiteLLM snapshot; its rows take effect on this day. */
export const PRICE_SNAPSHOT_DATE = snapshot.snapshot_date;

/**
 * The vendored price snapshot plus the dated overrides in {@link PRICE_OVERRIDES}, as pricing records.
 * This is what `seedModelPricing` writes to `llm_model_pricing`, and what the service prices with when no
 * database is configured. Nothing is fetched at run time.
 */
export function snapshotPricingRecords(): PricingRecord[] {
  const from = new Date(`${snapshot.snapshot_date}T00:00:00Z`);
  const records: PricingRecord[] = [];
  for (const [key, entry] of Object.entries(snapshot.models as Record<string, PriceEntry>)) {
    const slash = key.indexOf('/');
    const provider = key.slice(0, slash);
    if (!isLlmProvider(provider)) continue;
    records.push({
      id: null,
      provider,
      model: key.slice(slash + 1),
      rates: ratesFromEntry(entry),
      entry,
      effectiveFrom: from,
      effectiveTo: null,
      source: `litellm-snapshot-${snapshot.snapshot_date}`,
    });
  }
  for (const override of PRICE_OVERRIDES) {
    const base = records.find((r) => r.provider === override.provider && r.model === override.model);
    const entry = { ...(override.extends && base ? base.entry : {}), provider: override.provider, ...override.entry };
    const effectiveFrom = new Date(`${override.effectiveFrom}T00:00:00Z`);
    // An override starting when the snapshot row starts replaces it; a later one ends it.
    if (base && base.effectiveTo === null) {
      if (base.effectiveFrom.getTime() >= effectiveFrom.getTime()) records.splice(records.indexOf(base), 1);
      else base.effectiveTo = effectiveFrom;
    }
    records.push({
      id: null,
      provider: override.provider,
      model: override.model,
      rates: ratesFromEntry(entry),
      entry,
      effectiveFrom,
      effectiveTo: override.effectiveTo ? new Date(`${override.effectiveTo}T00:00:00Z`) : null,
      source: override.source,
    });
  }
  return records;
}
