import { describe, expect, it } from 'vitest';
import snapshot from '../../src/pricing/llm-prices-2026-07-24.json' with { type: 'json' };
import { PricingCatalog } from '../../src/pricing/pricing-catalog.js';
import { snapshotPricingRecords } from '../../src/pricing/snapshot-pricing.js';
import type { LlmProvider } from '../../src/types/provider-name.js';

const catalog = new PricingCatalog(snapshotPricingRecords());

/** Every id of the vendored snapshot (the same 67 ids as the shared `llm-prices.json`), split by provider. */
const ids = Object.keys(snapshot.models).map((key) => {
  const slash = key.indexOf('/');
  return { provider: key.slice(0, slash) as LlmProvider, model: key.slice(slash + 1) };
});

/** The dated and preview forms each provider uses for a snapshot of `model`. */
function datedForms(provider: LlmProvider, model: string): string[] {
  switch (provider) {
    case 'openai':
      return [`${model}-2026-03-17`];
    case 'anthropic':
      return [`${model}-20251001`, `${model}-latest`];
    case 'gemini':
      // `gemini-3-flash-preview` has its own dated previews: `gemini-3-flash-preview-12-2025`.
      return model.endsWith('-preview') ? [`${model}-12-2025`] : [`${model}-preview-09-2025`, `${model}-preview-05-20`];
    case 'xai':
      // Stored dated (`grok-4.20-0309-reasoning`): asked for without the date and beta infixes; stored plain
      // (`grok-4.3`): asked for with a date suffix or as `-latest`.
      return /-\d{4}(?=-|$)/.test(model) ? [model.replace(/-beta(?=-|$)/, '').replace(/-\d{4}(?=-|$)/, '')] : [`${model}-0309`, `${model}-latest`];
  }
}

describe('dated and preview model ids', () => {
  it('GIVEN the snapshot THEN it holds ids of all four providers', () => {
    expect(new Set(ids.map((id) => id.provider))).toEqual(new Set(['openai', 'anthropic', 'gemini', 'xai']));
  });

  it.each(ids)('GIVEN $provider/$model and its dated forms THEN each finds that price, no other', ({ provider, model }) => {
    expect(catalog.find(provider, model)?.model).toBe(model);
    for (const form of datedForms(provider, model)) expect({ form, found: catalog.find(provider, form)?.model }).toEqual({ form, found: model });
  });

  it('GIVEN the ids named in the issue THEN they are priced', () => {
    expect(catalog.find('anthropic', 'claude-haiku-4-5-20251001')?.model).toBe('claude-haiku-4-5');
    expect(catalog.find('gemini', 'gemini-2.5-flash-preview-09-2025')?.model).toBe('gemini-2.5-flash');
    expect(catalog.find('gemini', 'gemini-2.5-flash-lite-preview-09-2025')?.model).toBe('gemini-2.5-flash-lite');
  });

  it('GIVEN a preview id that names another model THEN it is not reduced to the base model', () => {
    expect(catalog.find('gemini', 'gemini-2.5-flash-preview-tts')?.model).toBe('gemini-2.5-flash-preview-tts');
    expect(catalog.find('openai', 'gpt-5.4-mini-2026-03-17')?.model).toBe('gpt-5.4-mini');
  });

  it('GIVEN an id of no priced model THEN nothing is found (the caller estimates)', () => {
    expect(catalog.find('anthropic', 'claude-made-up-9-20260101')).toBeNull();
  });
});
