import { LlmNotAllowedError } from '../errors/llm-error.js';
import type { LlmProvider } from '../types/provider-name.js';
import { parseGuildModel, type LlmGuildSettings } from './llm-settings.js';

/** A provider and model a request asks for; `undefined` parts are the service's defaults. */
export interface RequestedTarget {
  provider?: LlmProvider | undefined;
  model?: string | undefined;
}

/**
 * Applies a guild's LLM settings to a request's target: refuses when the guild turned AI off or the target is
 * outside its allowed providers or models, and fills in the guild's default model when the request chose none.
 * Pure, so every rule is tested without a service.
 *
 * @param defaults - the service's default provider and that provider's default model, to check a request
 *   that names neither against the allowed lists.
 * @throws LlmNotAllowedError `BL_ERR_LLM_NOT_ALLOWED`
 */
export function applyGuildPolicy(
  settings: LlmGuildSettings,
  requested: RequestedTarget,
  defaults: (provider: LlmProvider | undefined) => { provider: LlmProvider; model: string | undefined },
): RequestedTarget {
  if (!settings.enabled) throw new LlmNotAllowedError('AI commands are turned off in this server', { details: { reason: 'disabled' } });
  let target: RequestedTarget = requested;
  if (requested.provider === undefined && requested.model === undefined && settings.defaultModel !== undefined) {
    target = parseGuildModel(settings.defaultModel);
  }
  const resolved = { ...defaults(target.provider), ...(target.model === undefined ? {} : { model: target.model }) };
  if (settings.allowedProviders.length > 0 && !settings.allowedProviders.includes(resolved.provider)) {
    throw new LlmNotAllowedError(`provider "${resolved.provider}" is not allowed in this server (allowed: ${settings.allowedProviders.join(', ')})`, {
      details: { reason: 'provider', provider: resolved.provider },
    });
  }
  if (settings.allowedModels.length > 0 && !settings.allowedModels.includes(`${resolved.provider}:${resolved.model ?? ''}`)) {
    throw new LlmNotAllowedError(
      `model "${resolved.provider}:${resolved.model ?? '(default)'}" is not allowed in this server (allowed: ${settings.allowedModels.join(', ')})`,
      { details: { reason: 'model', provider: resolved.provider, ...(resolved.model === undefined ? {} : { model: resolved.model }) } },
    );
  }
  return target;
}
