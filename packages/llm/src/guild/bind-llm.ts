import type { SettingsRegistry } from '@baseline/core';
import type { z } from 'zod';
import type { GenerateImageRequest, GenerateImageResult, SpeechRequest, SpeechResult, TranscribeRequest, TranscribeResult } from '../media/media-types.js';
import type { LlmService } from '../service/create-llm-service.js';
import type { LlmStream, StreamRequest } from '../service/stream-text.js';
import type { CompleteStructuredRequest, StructuredResult } from '../structured/complete-structured.js';
import type { RunToolsRequest, RunToolsResult } from '../tools/run-tools.js';
import type { LlmProvider } from '../types/provider-name.js';
import type { CompleteRequest, LlmCallContext } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import { applyGuildPolicy, type RequestedTarget } from './guild-policy.js';
import { LLM_SETTINGS_NAMESPACE, parseGuildModel, type LlmGuildSettings } from './llm-settings.js';

/** Who a bound service works for: stored on every usage row and used for budgets. */
export interface LlmBinding {
  guildId: string | null;
  userId: string | null;
  cogName: string | null;
}

/**
 * `services.llm` bound to one guild, user and cog (a cog's `this.llm` inside a handler): the same calls, with
 * the ids filled in, and the guild's `llm` settings applied before anything is sent (AI turned off, allowed
 * providers and models, default model). A request's own `guildId`, `userId` or `cogName` still wins.
 */
export interface BoundLlm {
  readonly binding: Readonly<LlmBinding>;
  /** The unbound service. */
  readonly service: LlmService;
  complete(request: CompleteRequest): Promise<CompletionResult>;
  stream(request: StreamRequest): LlmStream;
  completeStructured<Schema extends z.ZodType>(request: CompleteStructuredRequest<Schema>): Promise<StructuredResult<z.infer<Schema>>>;
  runTools(request: RunToolsRequest): Promise<RunToolsResult>;
  generateImage(request: GenerateImageRequest): Promise<GenerateImageResult>;
  speech(request: SpeechRequest): Promise<SpeechResult>;
  transcribe(request: TranscribeRequest): Promise<TranscribeResult>;
  /** The guild's LLM settings (the defaults outside a guild or when the namespace is not registered). */
  guildSettings(): Promise<LlmGuildSettings | undefined>;
  /**
   * Models to offer the guild's users (e.g. in autocomplete), as `provider:model`: the guild's allowed models,
   * else the default model of each provider with a key; either way only the guild's allowed providers.
   */
  modelChoices(): Promise<string[]>;
}

/**
 * Binds the LLM service to a guild, a user and a cog.
 *
 * @param settings - the registry holding the `llm` namespace; without it (or outside a guild) no guild policy applies.
 * @example
 * ```ts
 * const llm = bindLlm(services.llm, { guildId, userId, cogName: 'ask' }, services.settings);
 * const { text } = await llm.complete({ prompt: 'Hello' });   // one usage row for guildId, userId, 'ask'
 * ```
 */
export function bindLlm(service: LlmService, binding: LlmBinding, settings?: SettingsRegistry): BoundLlm {
  const frozen = Object.freeze({ ...binding });
  const readSettings = async (guildId: string | null | undefined): Promise<LlmGuildSettings | undefined> => {
    if (!guildId || !settings?.namespaces().includes(LLM_SETTINGS_NAMESPACE)) return undefined;
    return (await settings.get(guildId, LLM_SETTINGS_NAMESPACE)) as LlmGuildSettings;
  };
  const defaults = (provider: LlmProvider | undefined) => {
    const chosen = provider ?? service.defaultProvider;
    return { provider: chosen, model: service.defaultModel(chosen) };
  };
  /** The request with the binding's ids and the guild's policy applied. */
  async function prepare<Request extends LlmCallContext & RequestedTarget>(request: Request, media = false): Promise<Request> {
    const withIds = { guildId: frozen.guildId, userId: frozen.userId, cogName: frozen.cogName, ...request };
    const guild = await readSettings(withIds.guildId);
    if (guild === undefined) return withIds;
    // Media requests default to the provider's media model, which the text defaults know nothing of.
    const target = applyGuildPolicy(
      guild,
      { provider: request.provider, model: request.model },
      media ? (p) => ({ provider: p ?? service.defaultProvider, model: request.model }) : defaults,
    );
    return {
      ...withIds,
      ...(target.provider === undefined ? {} : { provider: target.provider }),
      ...(target.model === undefined ? {} : { model: target.model }),
    };
  }

  return {
    binding: frozen,
    service,
    complete: async (request) => service.complete(await prepare(request)),
    stream: (request) => deferredStream(prepare(request).then((prepared) => service.stream(prepared))),
    completeStructured: async (request) => service.completeStructured(await prepare(request)),
    runTools: async (request) => service.runTools(await prepare(request)),
    generateImage: async (request) => service.generateImage(await prepare(request, true)),
    speech: async (request) => service.speech(await prepare(request, true)),
    transcribe: async (request) => service.transcribe(await prepare(request, true)),
    guildSettings: () => readSettings(frozen.guildId),
    async modelChoices() {
      const guild = await readSettings(frozen.guildId);
      const listed =
        guild !== undefined && guild.allowedModels.length > 0
          ? guild.allowedModels
          : service.configuredProviders().flatMap((provider) => {
              const model = service.defaultModel(provider);
              return model === undefined ? [] : [`${provider}:${model}`];
            });
      const providers = guild?.allowedProviders ?? [];
      return providers.length === 0 ? [...listed] : listed.filter((entry) => providers.includes(parseGuildModel(entry).provider));
    },
  };
}

/** A stream whose request is checked asynchronously first; a refusal surfaces on the first read and in `result`. */
function deferredStream(opening: Promise<LlmStream>): LlmStream {
  const result = opening.then((stream) => stream.result);
  result.catch(() => {});
  async function* generate(): AsyncGenerator<string> {
    yield* await opening;
  }
  const iterable = generate();
  return { result, [Symbol.asyncIterator]: () => iterable };
}
