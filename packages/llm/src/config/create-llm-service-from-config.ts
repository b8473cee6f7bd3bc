import type { BaselineConfig, DatabaseLike, KeyValueStore } from '@baseline/core';
import type { BudgetConfig } from '../budgets/budget-limits.js';
import { createLlmService, type LlmService } from '../service/create-llm-service.js';
import type { LlmLogger } from '../service/llm-logger.js';
import type { LlmProviderConfig, LlmServiceOptions } from '../service/llm-service-options.js';
import { LLM_PROVIDERS, type LlmProvider } from '../types/provider-name.js';

/** Default model per provider when the bot configures none. */
export const DEFAULT_MODELS: Readonly<Record<LlmProvider, string>> = {
  openai: 'gpt-5.4-mini',
  anthropic: 'claude-sonnet-4-6',
  gemini: 'gemini-2.5-flash',
  xai: 'grok-4.3',
};

/** What the environment does not hold: models, rate limits, budgets, fallbacks, and the shared services. */
export interface LlmServiceDeps {
  logger?: LlmLogger;
  db?: DatabaseLike;
  kv?: KeyValueStore;
  /** Per provider: `defaultModel`, allowed `models`, `rateLimits`, … merged over the environment's values. */
  providers?: Partial<Record<LlmProvider, Partial<LlmProviderConfig>>>;
  budgets?: BudgetConfig;
  fallbacks?: LlmServiceOptions['fallbacks'];
}

/**
 * Builds `services.llm` from baseline's validated config: API keys and base URLs from the environment,
 * `LLM_DEFAULT_PROVIDER`, `LLM_MAX_RETRIES` and `LLM_TIMEOUT_SECONDS`. Providers without a key stay
 * configured, so calls to them fail at once with a clear error.
 *
 * @example
 * ```ts
 * const llm = createLlmServiceFromConfig(config, { logger, db, kv });
 * await llm.init();
 * ```
 */
export function createLlmServiceFromConfig(config: Pick<BaselineConfig, 'llm'>, deps: LlmServiceDeps = {}): LlmService {
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
  return createLlmService({
    defaultProvider: llm.defaultProvider,
    providers,
    retry: { maxRetries: llm.maxRetries },
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.db ? { db: deps.db } : {}),
    ...(deps.kv ? { kv: deps.kv } : {}),
    ...(deps.budgets ? { budgets: deps.budgets } : {}),
    ...(deps.fallbacks ? { fallbacks: deps.fallbacks } : {}),
  });
}
