import { LlmInvalidRequestError } from '../errors/llm-error.js';
import type { ProviderAdapter } from '../providers/provider-adapter.js';
import { isLlmProvider, type LlmProvider } from '../types/provider-name.js';
import type { LlmTarget } from '../types/requests.js';
import type { LlmProviderConfig } from './llm-service-options.js';

/** A provider/model pair checked against the configuration, with its adapter. */
export interface ResolvedTarget {
  provider: LlmProvider;
  model: string;
  config: LlmProviderConfig;
  adapter: ProviderAdapter;
}

/**
 * Checks a target before anything is sent: the provider must be known and configured with a key, and the
 * model must be in its allowed list. Fails at once with {@link LlmInvalidRequestError} naming the problem.
 */
export function resolveTarget(
  target: LlmTarget,
  providers: Partial<Record<LlmProvider, LlmProviderConfig>>,
  adapterFor: (provider: LlmProvider, config: LlmProviderConfig & { apiKey: string }) => ProviderAdapter,
): ResolvedTarget {
  const { provider } = target;
  if (!isLlmProvider(provider)) {
    throw new LlmInvalidRequestError(`unknown LLM provider "${String(provider)}" (expected openai, anthropic, gemini or xai)`);
  }
  const config = providers[provider];
  if (!config) throw new LlmInvalidRequestError(`LLM provider "${provider}" is not configured`, { details: { provider } });
  if (!config.apiKey) {
    throw new LlmInvalidRequestError(`LLM provider "${provider}" has no API key: set it in the environment to use it`, { details: { provider } });
  }
  const model = target.model ?? config.defaultModel;
  if (config.models && !config.models.includes(model)) {
    throw new LlmInvalidRequestError(`model "${model}" is not allowed for ${provider} (allowed: ${config.models.join(', ') || 'none'})`, {
      details: { provider, model },
    });
  }
  return { provider, model, config, adapter: adapterFor(provider, config as LlmProviderConfig & { apiKey: string }) };
}
