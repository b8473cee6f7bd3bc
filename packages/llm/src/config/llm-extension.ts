import type { BaselineConfig, BaselineCoreServices } from '@baseline/core';
import type { BudgetConfig, SpendLimits } from '../budgets/budget-limits.js';
import { LLM_SETTINGS_NAMESPACE, llmSettings, type LlmGuildSettings } from '../guild/llm-settings.js';
import type { LlmService } from '../service/create-llm-service.js';
import { LLM_PROVIDERS, type LlmProvider } from '../types/provider-name.js';
import { createLlmServiceFromConfig, type LlmServiceDeps } from './create-llm-service-from-config.js';

declare module '@baseline/core' {
  interface BaselineServiceExtensions {
    /** The LLM service, added by `llmExtension()` from `@baseline/llm` (by `createBot`/`createApi` when a provider has a key). */
    llm: LlmService;
  }
}

/** Options of {@link llmExtension}: what the environment does not hold. */
export interface LlmExtensionOptions extends Omit<LlmServiceDeps, 'kv' | 'storage'> {
  /**
   * Register the per-guild `llm` settings namespace (enabled, allowed providers and models, default model,
   * daily and monthly budget), whose budgets the budget guard reads. @default true
   */
  guildSettings?: boolean;
}

/**
 * Adds `services.llm` to the services container: built from the configuration, recording usage in the
 * container's database, sharing rate limits and budgets through its key-value store, seeded with prices
 * before plugins' `setup` hooks run, and flushed when the container closes. It also registers the `llm`
 * settings namespace, and guild budgets set there apply over `budgets.guild`.
 *
 * @param options - models, rate limits, budgets and fallbacks, which the environment does not hold.
 * @example
 * ```ts
 * const services = await createServices({ service: 'bot', extensions: [llmExtension({ budgets })] });
 * await services.llm?.complete({ prompt: 'Hello', guildId, cogName: 'chat' });
 * ```
 */
export function llmExtension(options: LlmExtensionOptions = {}) {
  return async (services: BaselineCoreServices): Promise<{ llm: LlmService }> => {
    const { guildSettings = true, ...deps } = options;
    const registered = guildSettings && registerLlmSettings(services);
    const budgets: BudgetConfig | undefined = registered
      ? {
          ...deps.budgets,
          resolveGuild: async (guildId) =>
            (await deps.budgets?.resolveGuild?.(guildId)) ?? guildLimits(await services.settings.get(guildId, LLM_SETTINGS_NAMESPACE)),
        }
      : deps.budgets;
    const llm = await createLlmServiceFromConfig(services.config, {
      logger: services.logger.child({ component: 'llm' }),
      kv: services.kv,
      storage: { db: services.db },
      ...deps,
      ...(budgets === undefined ? {} : { budgets }),
    });
    services.onClose(() => llm.close());
    return { llm };
  };
}

/**
 * The extension `createBot` and `createApi` add by default: {@link llmExtension} when some provider has an API
 * key and no earlier extension added `llm`; nothing otherwise.
 */
export function defaultLlmExtension() {
  return async (services: BaselineCoreServices & { llm?: LlmService }): Promise<{ llm?: LlmService }> => {
    if (services.llm !== undefined || configuredLlmProviders(services.config).length === 0) return {};
    return llmExtension()(services);
  };
}

/**
 * `extensions` with {@link defaultLlmExtension} appended: what `createBot` and `createApi` pass to
 * `createServices`, so an app's own `llmExtension({ … })` (listed first) wins.
 */
export function withDefaultLlmExtension<Extension>(extensions: readonly Extension[] | undefined): Array<Extension | ReturnType<typeof defaultLlmExtension>> {
  return [...(extensions ?? []), defaultLlmExtension()];
}

/** The providers with an API key in the configuration. */
export function configuredLlmProviders(config: Pick<BaselineConfig, 'llm'>): LlmProvider[] {
  return LLM_PROVIDERS.filter((provider) => config.llm.apiKeys[provider] !== undefined);
}

function registerLlmSettings(services: BaselineCoreServices): boolean {
  if (services.settings.namespaces().includes(LLM_SETTINGS_NAMESPACE)) {
    // A plugin took the id; its namespace stays and budgets come from the bot's configuration only.
    if (services.settings.definition(LLM_SETTINGS_NAMESPACE) !== llmSettings) {
      services.logger.warn({ namespace: LLM_SETTINGS_NAMESPACE }, 'another settings namespace is called "llm": per-guild LLM settings are off');
      return false;
    }
    return true;
  }
  services.settings.register(LLM_SETTINGS_NAMESPACE, llmSettings);
  return true;
}

function guildLimits(settings: LlmGuildSettings): SpendLimits | undefined {
  if (settings.dailyBudgetUsd === undefined && settings.monthlyBudgetUsd === undefined) return undefined;
  return {
    ...(settings.dailyBudgetUsd === undefined ? {} : { dailyUsd: settings.dailyBudgetUsd }),
    ...(settings.monthlyBudgetUsd === undefined ? {} : { monthlyUsd: settings.monthlyBudgetUsd }),
  };
}
