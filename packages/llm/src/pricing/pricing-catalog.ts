import type { LlmProviderName } from '../types/provider-name.js';
import { modelPriceKeys } from './model-aliases.js';
import type { PricingRecord } from './pricing-record.js';

/**
 * The prices in force, looked up by provider, model and time. Holds every period of every model, so a
 * request is priced by the row effective when it was made. Replaced wholesale when prices are reloaded.
 */
export class PricingCatalog {
  #byKey = new Map<string, PricingRecord[]>();

  constructor(records: readonly PricingRecord[] = []) {
    this.replace(records);
  }

  /** Swaps in a new set of records (after an edit in `llm_model_pricing`). */
  replace(records: readonly PricingRecord[]): void {
    const byKey = new Map<string, PricingRecord[]>();
    for (const record of records) {
      for (const key of modelPriceKeys(record.model)) {
        const list = byKey.get(`${record.provider}/${key}`) ?? [];
        list.push(record);
        byKey.set(`${record.provider}/${key}`, list);
      }
    }
    for (const list of byKey.values()) list.sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
    this.#byKey = byKey;
  }

  /**
   * The record in force for `model` at `at`: exact id first, then its undated and compact forms (see
   * {@link modelPriceKeys}); among periods, the latest that started at or before `at` and has not ended.
   *
   * @default at now
   */
  find(provider: LlmProviderName, model: string, at: Date = new Date()): PricingRecord | null {
    const time = at.getTime();
    for (const key of modelPriceKeys(model)) {
      const list = this.#byKey.get(`${provider}/${key}`);
      const record = list?.find(
        (r) => r.effectiveFrom.getTime() <= time && (r.effectiveTo === null || r.effectiveTo.getTime() > time),
      );
      if (record) return record;
    }
    return null;
  }

  get size(): number {
    return new Set([...this.#byKey.values()].flat()).size;
  }
}
