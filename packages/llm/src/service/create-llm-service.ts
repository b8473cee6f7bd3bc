import { queryUsage, type UsageAggregate, type UsageQuery } from '@baseline/core';
import type { CompleteRequest } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import type { BudgetScope } from '../budgets/budget-guard.js';
import { LlmInvalidRequestError } from '../errors/llm-error.js';
import { formatMicroUsd } from '../money/femto-usd.js';
import type { LlmProvider } from '../types/provider-name.js';
import { completeText } from './complete-text.js';
import { completeStructured, type CompleteStructuredRequest, type StructuredResult } from '../structured/complete-structured.js';
import { runTools, type RunToolsRequest, type RunToolsResult } from '../tools/run-tools.js';
import type { z } from 'zod';
import { runMedia } from '../media/run-media.js';
import type { GenerateImageRequest, GenerateImageResult, SpeechRequest, SpeechResult, TranscribeRequest, TranscribeResult } from '../media/media-types.js';
import { LlmEngine } from './llm-engine.js';
import type { LlmServiceOptions } from './llm-service-options.js';
import { streamText, type LlmStream, type StreamRequest } from './stream-text.js';

/** `services.llm`: every model behind one interface, with cost tracking, budgets, retries and fallbacks. */
export interface LlmService {
  /**
   * A text completion (optionally with tools).
   *
   * @example
   * ```ts
   * const { text, costUsd } = await services.llm.complete({
   *   system: 'Answer briefly.', prompt: 'Weather in Oslo?', guildId, userId, cogName: 'weather',
   * });
   * ```
   */
  complete(request: CompleteRequest): Promise<CompletionResult>;
  /**
   * A text completion as an async iterator of text deltas; `result` gives the full result afterwards.
   *
   * @example
   * ```ts
   * const stream = services.llm.stream({ prompt: 'Tell a story', guildId });
   * for await (const delta of stream) await message.edit((text += delta));
   * const { costUsd } = await stream.result;
   * ```
   */
  stream(request: StreamRequest): LlmStream;
  /**
   * JSON matching a zod schema: the provider's native JSON-schema mode where it exists, a prompt fallback
   * elsewhere, validated locally (one repair attempt by default).
   *
   * @throws LlmStructuredOutputError with `rawText` when the answer does not validate.
   * @example
   * ```ts
   * const { parsed } = await services.llm.completeStructured({
   *   prompt: 'Extract the city', schema: z.object({ city: z.string(), country: z.string().optional() }),
   * });
   * ```
   */
  completeStructured<Schema extends z.ZodType>(request: CompleteStructuredRequest<Schema>): Promise<StructuredResult<z.infer<Schema>>>;
  /**
   * Runs a tool loop to a final answer: the model's calls are validated against the tools' zod schemas,
   * executed (in parallel within a turn) and fed back, up to `maxSteps` turns.
   *
   * @example
   * ```ts
   * const weather = defineTool({ name: 'get_weather', description: 'Weather for a city',
   *   parameters: z.object({ city: z.string() }), execute: ({ city }) => lookup(city) });
   * const { text } = await services.llm.runTools({ prompt: 'Weather in Oslo?', tools: [weather] });
   * ```
   */
  runTools(request: RunToolsRequest): Promise<RunToolsResult>;
  /**
   * Generates images (OpenAI GPT image models, Gemini image models, xAI grok-imagine), as base64 or URL.
   * Priced from the image usage tokens where reported, else per image.
   *
   * @example
   * ```ts
   * const { images } = await services.llm.generateImage({ provider: 'openai', model: 'gpt-image-2', prompt: 'a fox' });
   * ```
   */
  generateImage(request: GenerateImageRequest): Promise<GenerateImageResult>;
  /**
   * Text to speech (OpenAI `/audio/speech`, xAI `/tts`, Gemini TTS models); priced per character, per
   * second of audio or per token as the model is billed.
   */
  speech(request: SpeechRequest): Promise<SpeechResult>;
  /** Speech to text (OpenAI transcription models, xAI `/stt`, Gemini audio understanding). */
  transcribe(request: TranscribeRequest): Promise<TranscribeResult>;
  /**
   * Re-reads `llm_model_pricing` (after an edit made without raising `LLM_PRICING_VERSION_KEY`). Edits made
   * through the API's pricing route raise that key, and every request checks it first, so they need no call.
   */
  reloadPricing(): Promise<void>;
  /**
   * Usage sums per guild, user, cog, provider, model and day/week/month (needs a database). Rows still in
   * the buffer are written first, so the figures include every finished request.
   */
  usage(query?: UsageQuery): Promise<UsageAggregate[]>;
  /** Writes buffered usage rows now. */
  flush(): Promise<void>;
  /** Usage rows recorded and not yet written (a metrics gauge; `flush()` empties it unless the store is down). */
  readonly pendingUsageRows: number;
  /**
   * What a guild or user has committed against its budget in the current UTC day or month, as the budget guard
   * counts it: spent plus the estimates of requests in flight, in USD with 6 decimals (the counters count whole
   * micro-dollars, rounded up per request). A counter not created yet (no request this period, or lost with
   * Redis and not yet rebuilt) reads `'0.000000'`.
   *
   * @throws LlmInvalidRequestError when the service has no `budgets` (nothing is counted).
   * @example
   * ```ts
   * const today = await services.llm.budgetSpentUsd('guild', guildId, 'day');   // '0.004508'
   * ```
   */
  budgetSpentUsd(scope: BudgetScope, id: string, period: 'day' | 'month'): Promise<string>;
  /** Provider used when a call names none (`LLM_DEFAULT_PROVIDER`). */
  readonly defaultProvider: LlmProvider;
  /** The text model a call to `provider` uses when it names none (that provider's `defaultModel`). */
  defaultModel(provider?: LlmProvider): string | undefined;
  /** Providers that have an API key, in the order of `LLM_PROVIDERS`: the ones calls can reach. */
  configuredProviders(): LlmProvider[];
  /**
   * Writes every buffered usage row and releases what the service made itself (the in-memory key-value store
   * when none was given); call on shutdown. A database or key-value store passed in stays open: its owner
   * closes it.
   */
  close(): Promise<void>;
}

/**
 * Creates the LLM service, ready to use when the promise resolves: with a database, `llm_model_pricing` is
 * seeded from the vendored snapshot (periods already there are kept, so edits survive) and the prices in force
 * are loaded from it; without one the snapshot is used as is. Afterwards each request first checks core's
 * `LLM_PRICING_VERSION_KEY` (raised by the API's pricing route) and reloads the prices when it moved.
 *
 * Rejects, having released what it made, when the prices cannot be seeded or loaded.
 *
 * @param options - see {@link LlmServiceOptions}
 * @example
 * ```ts
 * const llm = await createLlmService({
 *   defaultProvider: 'openai',
 *   providers: { openai: { apiKey: process.env.OPENAI_API_KEY, defaultModel: 'gpt-5.4-mini' } },
 *   db, kv, logger,
 * });
 * // … on shutdown:
 * await llm.close();
 * ```
 */
export async function createLlmService(options: LlmServiceOptions): Promise<LlmService> {
  const engine = new LlmEngine(options);
  try {
    await engine.loadPricing();
  } catch (error) {
    await engine.close().catch(() => {});
    throw error;
  }
  const service: LlmService = {
    async complete(request) {
      const { nativeFormat: _native, ...result } = await completeText(engine, request);
      return result;
    },
    stream: (request) => streamText(engine, request),
    completeStructured: (request) => completeStructured(engine, request),
    runTools: (request) => runTools((r) => service.complete(r), request),
    async generateImage(request) {
      const { value, info } = await runMedia(engine, 'image', 'generateImage', request, (media, model, signal) =>
        media.generateImage?.(model, request, signal),
      );
      return { ...info, images: value };
    },
    async speech(request) {
      const { value, info } = await runMedia(engine, 'speech', 'speech', request, (media, model, signal) => media.speech?.(model, request, signal));
      return { ...info, ...value };
    },
    async transcribe(request) {
      const { value, info } = await runMedia(engine, 'transcription', 'transcribe', request, (media, model, signal) =>
        media.transcribe?.(model, request, signal),
      );
      return { ...info, text: value };
    },
    reloadPricing: () => engine.reloadPricing(),
    async usage(query) {
      if (!engine.sql) throw new LlmInvalidRequestError('LLM usage queries need a database');
      await engine.recorder.flush();
      return queryUsage(engine.sql, query);
    },
    flush: () => engine.recorder.flush(),
    get pendingUsageRows() {
      return engine.recorder.pending;
    },
    async budgetSpentUsd(scope, id, period) {
      if (!engine.budget) throw new LlmInvalidRequestError('this LLM service has no budgets, so it counts no spend');
      return formatMicroUsd(await engine.budget.spentMicroUsd(scope, id, period));
    },
    defaultProvider: engine.defaultProvider,
    defaultModel: (provider = engine.defaultProvider) => engine.defaultModel(provider),
    configuredProviders: () => engine.configuredProviders(),
    close: () => engine.close(),
  };
  return service;
}
