import type { BaselineCoreServices } from '@baseline/core';
import type { LlmService } from '../service/create-llm-service.js';
import { createLlmServiceFromConfig, type LlmServiceDeps } from './create-llm-service-from-config.js';

declare module '@baseline/core' {
  interface BaselineServiceExtensions {
    /** The LLM service, added by `llmExtension()` from `@baseline/llm`. */
    llm: LlmService;
  }
}

/**
 * Adds `services.llm` to the services container: built from the configuration, recording usage in the
 * container's database, sharing rate limits and budgets through its key-value store, seeded with prices
 * before plugins' `setup` hooks run, and flushed when the container closes.
 *
 * @param deps - models, rate limits, budgets and fallbacks, which the environment does not hold.
 * @example
 * ```ts
 * const services = await createServices({ service: 'bot', extensions: [llmExtension({ budgets })] });
 * await services.llm?.complete({ prompt: 'Hello', guildId, cogName: 'chat' });
 * ```
 */
export function llmExtension(deps: Omit<LlmServiceDeps, 'database' | 'kv'> = {}) {
  return async (services: BaselineCoreServices): Promise<{ llm: LlmService }> => {
    const llm = createLlmServiceFromConfig(services.config, {
      logger: services.logger.child({ component: 'llm' }),
      database: services.db,
      kv: services.kv,
      ...deps,
    });
    await llm.init();
    services.onClose(() => llm.close());
    return { llm };
  };
}
