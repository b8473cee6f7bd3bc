import type { LlmProvider } from '../types/provider-name.js';
import { modelPriceKeys } from './model-aliases.js';
import { conservativeRates } from './conservative-rates.js';
import type { ModelRates } from './model-rates.js';
import type { PricingRecord } from './pricing-record.js';

/** A record filed under one of its keys; `rank` is the key's position in `modelPriceKeys` (0 = exact id). */
interface Filed {
  record: PricingRecord;
  rank: number;
}

function inForce(record: PricingRecord, time: number): boolean {
  return record.effectiveFrom.getTime() <= time && (record.effectiveTo === null || record.effectiveTo.getTime() > time);
}

/**
 * The prices in force, looked up by provider, model and time. Holds every period of every model, so a
 * request is priced by the row effective when it was made. Replaced wholesale when prices are reloaded.
 */
export class PricingCatalog {
  #byKey = new Map<string, Filed[]>();
  #records: readonly PricingRecord[] = [];

  constructor(records: readonly PricingRecord[] = []) {
    this.replace(records);
  }

  /** Swaps in a new set of records (after an edit in `llm_model_pricing`). */
  replace(records: readonly PricingRecord[]): void {
    const byKey = new Map<string, Filed[]>();
    for (const record of records) {
      modelPriceKeys(record.model).forEach((key, rank) => {
        const list = byKey.get(`${record.provider}/${key}`) ?? [];
        list.push({ record, rank });
        byKey.set(`${record.provider}/${key}`, list);
      });
    }
    // A record filed under its exact id beats one filed under a reduced form; then the latest period first.
    for (const list of byKey.values()) {
      list.sort((a, b) => a.rank - b.rank || b.record.effectiveFrom.getTime() - a.record.effectiveFrom.getTime());
    }
    this.#byKey = byKey;
    this.#records = [...records];
  }

  /**
   * The record in force for `model` at `at`: exact id first, then its undated and compact forms (see
   * {@link modelPriceKeys}); among periods, the latest that started at or before `at` and has not ended.
   *
   * @default at now
   */
  find(provider: LlmProvider, model: string, at: Date = new Date()): PricingRecord | null {
    const time = at.getTime();
    for (const key of modelPriceKeys(model)) {
      const filed = this.#byKey.get(`${provider}/${key}`)?.find((f) => inForce(f.record, time));
      if (filed) return filed.record;
    }
    return null;
  }

  /**
   * Rates no cheaper than any model of `provider` in force at `at`: what a model without a price is
   * charged, so it never spends outside a budget (see {@link conservativeRates}).
   */
  conservative(provider: LlmProvider, at: Date = new Date()): ModelRates {
    const time = at.getTime();
    const live = this.#records.filter((r) => inForce(r, time));
    return conservativeRates(
      live.filter((r) => r.provider === provider).map((r) => r.rates),
      live.map((r) => r.rates),
    );
  }

  get size(): number {
    return this.#records.length;
  }
}
