import type { BaselineConfig } from '@baseline/core';
import { createLlmService, type LlmService } from '../service/create-llm-service.js';
import type { LlmProviderConfig, LlmServiceOptions } from '../service/llm-service-options.js';
import { LLM_PROVIDERS, type LlmProvider } from '../types/provider-name.js';

/** Default model per provider when the bot configures none. */
export const DEFAULT_MODELS: Readonly<Record<LlmProvider, string>> = {
  openai: 'gpt-5.4-mini',
  anthropic: 'claude-sonnet-4-6',
  gemini: 'gemini-2.5-flash',
  xai: 'grok-4.3',
};

/**
 * What the environment does not hold: models, rate limits, budgets, fallbacks, usage recording, and the shared
 * services (logger, key-value store, storage), each as {@link LlmServiceOptions} takes it.
 */
export interface LlmServiceDeps extends Pick<LlmServiceOptions, 'logger' | 'kv' | 'storage' | 'budgets' | 'fallbacks' | 'usage'> {
  /** Per provider: `defaultModel`, allowed `models`, `rateLimits`, … merged over the environment's values. */
  providers?: Partial<Record<LlmProvider, Partial<LlmProviderConfig>>>;
}

/**
 * Builds `services.llm` from baseline's validated config: API keys and base URLs from the environment,
 * `LLM_DEFAULT_PROVIDER`, `LLM_MAX_RETRIES` and `LLM_TIMEOUT_SECONDS`. Providers without a key stay
 * configured, so calls to them fail at once with a clear error. Resolves once the service is ready, as
 * {@link createLlmService} does.
 *
 * @example
 * ```ts
 * const llm = await createLlmServiceFromConfig(config, { logger, kv, storage: { db } });
 * ```
 */
export function createLlmServiceFromConfig(config: Pick<BaselineConfig, 'llm'>, deps: LlmServiceDeps = {}): Promise<LlmService> {
  const { llm } = config;
  const providers: Partial<Record<LlmProvider, LlmProviderConfig>> = {};
  for (const name of LLM_PROVIDERS) {
    const key = llm.apiKeys[name];
    const baseUrl = llm.baseUrls[name];
    providers[name] = {
      ...(key ? { apiKey: key } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      timeoutMs: llm.timeoutSeconds * 1000,
      maxRetries: llm.maxRetries,
      defaultModel: DEFAULT_MODELS[name],
      ...deps.providers?.[name],
    };
  }
  const { providers: _providers, ...shared } = deps;
  return createLlmService({ defaultProvider: llm.defaultProvider, providers, retry: { maxRetries: llm.maxRetries }, ...shared });
}
