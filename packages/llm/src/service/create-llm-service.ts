import { queryUsage, type UsageAggregate, type UsageQuery } from '@baseline/core';
import { seedModelPricing } from '../pricing/pricing-repository.js';
import { snapshotPricingRecords } from '../pricing/snapshot-pricing.js';
import type { CompleteRequest } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import { LlmInvalidRequestError } from '../errors/llm-error.js';
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
   * Seeds `llm_model_pricing` from the vendored snapshot (existing periods are kept) and loads the prices in
   * force from it. Afterwards each request first checks core's `LLM_PRICING_VERSION_KEY` (raised by the API's
   * pricing route) and reloads the prices when it moved. Without a database, nothing to do: the snapshot is
   * used as is.
   */
  init(): Promise<void>;
  /** Re-reads `llm_model_pricing` (after an edit made without raising `LLM_PRICING_VERSION_KEY`). */
  reloadPricing(): Promise<void>;
  /**
   * Usage sums per guild, user, cog, provider, model and day/week/month (needs a database). Rows still in
   * the buffer are written first, so the figures include every finished request.
   */
  usage(query?: UsageQuery): Promise<UsageAggregate[]>;
  /** Writes buffered usage rows now. */
  flush(): Promise<void>;
  /** Writes every buffered usage row and releases resources; call on shutdown. */
  close(): Promise<void>;
  /** @internal the shared machinery, for the other request kinds and for tests. */
  readonly engine: LlmEngine;
}

/**
 * Creates the LLM service.
 *
 * @example
 * ```ts
 * const llm = createLlmService({
 *   defaultProvider: 'openai',
 *   providers: { openai: { apiKey: process.env.OPENAI_API_KEY, defaultModel: 'gpt-5.4-mini' } },
 *   database, kv, logger,
 * });
 * await llm.init();
 * ```
 */
export function createLlmService(options: LlmServiceOptions): LlmService {
  const engine = new LlmEngine(options);
  const service: LlmService = {
    engine,
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
    async init() {
      if (!engine.sql) return;
      await seedModelPricing(engine.sql, snapshotPricingRecords());
      await engine.reloadPricing();
    },
    reloadPricing: () => engine.reloadPricing(),
    async usage(query) {
      if (!engine.sql) throw new LlmInvalidRequestError('LLM usage queries need a database');
      await engine.recorder.flush();
      return queryUsage(engine.sql, query);
    },
    flush: () => engine.recorder.flush(),
    close: () => engine.close(),
  };
  return service;
}
