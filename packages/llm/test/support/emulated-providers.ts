import { createLlmEmulators, type LlmEmulators } from '@baseline/testing';
import type { LlmProviderConfig, LlmProvider, LlmServiceOptions, LlmSinkStorage, UsageRecord, UsageSink } from '../../src/index.js';
import { createLlmService, DEFAULT_MODELS, type LlmService } from '../../src/index.js';

/** Provider configuration pointing the real SDKs at the emulators, each with the package's default model. */
export function emulatedProviders(emulators: LlmEmulators, overrides: Partial<Record<LlmProvider, Partial<LlmProviderConfig>>> = {}) {
  const base = (provider: LlmProvider, emulator: { apiKey: string; baseURL: string }): LlmProviderConfig => ({
    apiKey: emulator.apiKey,
    baseUrl: emulator.baseURL,
    defaultModel: DEFAULT_MODELS[provider],
    timeoutMs: 5_000,
    ...overrides[provider],
  });
  return {
    openai: base('openai', emulators.openai),
    anthropic: base('anthropic', emulators.anthropic),
    gemini: { ...base('gemini', emulators.gemini), apiVersion: 'v1beta' },
    xai: base('xai', emulators.xai),
  } satisfies LlmServiceOptions['providers'];
}

/** The emulator behind a provider id: the emulators are keyed by core's ids, so this fails to compile on a drift. */
export function emulatorOf(emulators: LlmEmulators, provider: LlmProvider): LlmEmulators['openai'] {
  return emulators[provider];
}

/** A usage sink that keeps rows in memory, for tests that look at rows without a database. */
export function memorySink(): UsageSink & { rows: UsageRecord[] } {
  const rows: UsageRecord[] = [];
  return {
    rows,
    async write(records) {
      rows.push(...records);
    },
  };
}

/**
 * Emulators for all four providers plus a service wired to them, with fast retries, its usage rows kept in
 * `sink` and priced by `pricing` (default: the snapshot). `reset()` is for `beforeEach`: it flushes pending
 * usage, then clears every emulator's queue and log and the sink's rows.
 */
export async function emulatedService({ pricing, ...options }: Partial<Omit<LlmServiceOptions, 'storage'>> & Pick<LlmSinkStorage, 'pricing'> = {}): Promise<{
  emulators: LlmEmulators;
  llm: LlmService;
  sink: ReturnType<typeof memorySink>;
  reset(): Promise<void>;
  close(): Promise<void>;
}> {
  const emulators = await createLlmEmulators();
  const sink = memorySink();
  const llm = await createLlmService({
    defaultProvider: 'openai',
    providers: emulatedProviders(emulators),
    storage: { usageSink: sink, ...(pricing === undefined ? {} : { pricing }) },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  return {
    emulators,
    llm,
    sink,
    async reset() {
      await llm.flush();
      for (const emulator of [emulators.openai, emulators.anthropic, emulators.gemini, emulators.xai]) emulator.reset();
      sink.rows.length = 0;
    },
    async close() {
      await llm.close();
      await emulators.close();
    },
  };
}
