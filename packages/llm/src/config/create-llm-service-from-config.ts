import type { BaselineConfig, KeyValueStore } from '@baseline/core';
import type { BudgetConfig } from '../budgets/budget-limits.js';
import type { DatabaseLike } from '../database/sql-executor.js';
import { createLlmService, type LlmService } from '../service/create-llm-service.js';
import type { LlmLogger } from '../service/llm-logger.js';
import type { LlmProviderConfig, LlmServiceOptions } from '../service/llm-service-options.js';
import type { LlmProviderName } from '../types/provider-name.js';

/** Default model per provider when the bot configures none. */
export const DEFAULT_MODELS: Readonly<Record<LlmProviderName, string>> = {
  openai: 'gpt-5.4-mini',
  anthropic: 'claude-sonnet-4-6',
  gemini: 'gemini-2.5-flash',
  xai: 'grok-4.3',
};

/** What the environment does not hold: models, rate limits, budgets, fallbacks, and the shared services. */
export interface LlmServiceDeps {
  logger?: LlmLogger;
  database?: DatabaseLike;
  kv?: KeyValueStore;
  /** Per provider: `defaultModel`, allowed `models`, `rateLimits`, … merged over the environment's values. */
  providers?: Partial<Record<LlmProviderName, Partial<LlmProviderConfig>>>;
  budgets?: BudgetConfig;
  fallbacks?: LlmServiceOptions['fallbacks'];
}

/** Core's config names Gemini `google`; the LLM service (and the price snapshot) call it `gemini`. */
const CONFIG_NAME: Record<LlmProviderName, 'openai' | 'anthropic' | 'google' | 'xai'> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  xai: 'xai',
};

/**
 * Builds `services.llm` from baseline's validated config: API keys and base URLs from the environment,
 * `LLM_DEFAULT_PROVIDER`, `LLM_MAX_RETRIES` and `LLM_TIMEOUT_SECONDS`. Providers without a key stay
 * configured, so calls to them fail at once with a clear error.
 *
 * @example
 * ```ts
 * const llm = createLlmServiceFromConfig(config, { logger, database, kv });
 * await llm.init();
 * ```
 */
export function createLlmServiceFromConfig(config: Pick<BaselineConfig, 'llm'>, deps: LlmServiceDeps = {}): LlmService {
  const { llm } = config;
  const providers: Partial<Record<LlmProviderName, LlmProviderConfig>> = {};
  for (const name of Object.keys(CONFIG_NAME) as LlmProviderName[]) {
    const key = llm.apiKeys[CONFIG_NAME[name]];
    const baseUrl = llm.baseUrls[CONFIG_NAME[name]];
    providers[name] = {
      ...(key ? { apiKey: key } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      timeoutMs: llm.timeoutSeconds * 1000,
      maxRetries: llm.maxRetries,
      defaultModel: DEFAULT_MODELS[name],
      ...deps.providers?.[name],
    };
  }
  const defaultProvider = (llm.defaultProvider === 'google' ? 'gemini' : llm.defaultProvider) as LlmProviderName;
  return createLlmService({
    defaultProvider,
    providers,
    retry: { maxRetries: llm.maxRetries },
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.database ? { database: deps.database } : {}),
    ...(deps.kv ? { kv: deps.kv } : {}),
    ...(deps.budgets ? { budgets: deps.budgets } : {}),
    ...(deps.fallbacks ? { fallbacks: deps.fallbacks } : {}),
  });
}
