import type { ModelCapabilities } from '../capabilities/model-capabilities.js';
import type { GenerationParams } from '../types/requests.js';

const KEYS = ['temperature', 'topP', 'topK', 'maxTokens', 'stop', 'seed', 'presencePenalty', 'frequencyPenalty', 'reasoningEffort'] as const;

/**
 * Keeps the generation parameters the model accepts and names the ones dropped, so a cog can pass the
 * same options to every model without provider errors at run time.
 */
export function filterParams(source: GenerationParams, caps: ModelCapabilities): { params: GenerationParams; dropped: string[] } {
  const params: GenerationParams = {};
  const dropped: string[] = [];
  const reasoningOff = source.reasoningEffort === 'none';
  const allowed: Record<(typeof KEYS)[number], boolean> = {
    temperature: caps.temperature || (caps.temperatureWithNoReasoning && reasoningOff),
    topP: caps.topP || (caps.temperatureWithNoReasoning && reasoningOff),
    topK: caps.topK,
    maxTokens: true,
    stop: caps.stop,
    seed: caps.seed,
    presencePenalty: caps.penalties,
    frequencyPenalty: caps.penalties,
    reasoningEffort: caps.reasoningEffort,
  };
  for (const key of KEYS) {
    if (source[key] === undefined) continue;
    if (allowed[key]) (params as Record<string, unknown>)[key] = source[key];
    else dropped.push(key);
  }
  return { params, dropped };
}
