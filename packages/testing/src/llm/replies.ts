/**
 * Provider-neutral scripted replies. Each emulator renders a reply in its own provider's wire format
 * (JSON body or SSE stream, usage fields, ids), so one script can drive a fallback chain across providers.
 */

/**
 * The providers the emulators speak, by core's provider ids (`LLM_PROVIDERS` in `@baseline/core`; not
 * imported, since core's own tests depend on this package: `@baseline/llm`'s tests index the emulators by
 * core's ids, so a drift fails to compile there). xAI uses OpenAI's wire format with its own usage semantics.
 */
export type LlmProvider = 'openai' | 'anthropic' | 'gemini' | 'xai';

/**
 * Token counts in disjoint buckets. Each emulator converts them to its provider's own semantics, e.g.
 * OpenAI `prompt_tokens = input + cacheRead + cacheWrite5m + cacheWrite1h` while Anthropic
 * `input_tokens = input`; see the README's usage table.
 */
export interface LlmUsageSpec {
  /** Uncached input tokens. @default estimated from the request's text length */
  input?: number;
  /** Input tokens read from the prompt cache. @default 0 */
  cacheRead?: number;
  /** Input tokens written to a short-lived cache entry (Anthropic 5 min, OpenAI Responses 30 min). @default 0 */
  cacheWrite5m?: number;
  /** Input tokens written to a long-lived cache entry (Anthropic 1 h, OpenAI Responses 12 h). @default 0 */
  cacheWrite1h?: number;
  /** Visible output tokens, reasoning excluded. @default estimated from the reply's length */
  output?: number;
  /** Reasoning / thinking tokens. @default 0 */
  reasoning?: number;
  /** xAI only: the cost the provider reports, `usage.cost_in_usd_ticks` (1 tick = 1e-10 USD). @default absent */
  costInUsdTicks?: number;
}

/** Usage as a neutral spec, or `{ raw }`: a provider usage object sent verbatim (for edge cases). */
export type LlmUsageInput = LlmUsageSpec | { raw: Record<string, unknown> };

/** One tool call the model makes. */
export interface LlmToolCallSpec {
  name: string;
  /** The arguments object; a string is sent as-is (lets tests send malformed argument JSON on OpenAI). */
  arguments: Record<string, unknown> | string;
  /** Provider-format id. @default generated (`call_…`, `toolu_…`, `fc-…`) */
  id?: string;
}

/** Why the model stopped. Mapped per provider (`length` → `max_tokens` / `MAX_TOKENS`, …). */
export type LlmStopReason = 'stop' | 'length' | 'refusal' | 'content_filter';

interface ReplyBase {
  /** Token usage to report. @default estimated from text lengths */
  usage?: LlmUsageInput;
}

/** A chat turn: text, tool calls or both (Chat Completions, Responses, Messages, generateContent). */
export interface LlmMessageReply extends ReplyBase {
  kind: 'message';
  text?: string;
  toolCalls?: LlmToolCallSpec[];
  /** Reasoning text: xAI `reasoning_content`, Anthropic thinking block, Gemini thought part, Responses reasoning item. */
  reasoning?: string;
  /** @default 'stop', or the provider's tool-call reason when `toolCalls` is set */
  stopReason?: LlmStopReason;
  /** Stream the text in exactly these pieces. @default split into words */
  chunks?: string[];
  /** On streams, wait this long between frames (a slow model; lets a test stop it mid-answer). @default 0 */
  frameIntervalMs?: number;
  /**
   * The service tier that served the request: OpenAI/xAI `service_tier`, Anthropic `usage.service_tier`,
   * Gemini's `x-gemini-service-tier` response header.
   * @default 'default' (OpenAI, xAI), 'standard' (Anthropic, Gemini)
   */
  serviceTier?: string;
}

/** One generated image. */
export interface LlmImageSpec {
  /** Base64 image data. @default a 1×1 PNG */
  b64?: string;
  /** Answer with a URL instead (OpenAI-style providers when `response_format: 'url'`). @default served by the emulator */
  url?: string;
  /** @default 'image/png' */
  mimeType?: string;
  revisedPrompt?: string;
}

/** Images (`/images/generations`, `/images/edits`, Gemini image models, Imagen `:predict`). */
export interface LlmImageReply extends ReplyBase {
  kind: 'image';
  images: LlmImageSpec[];
  /** Text that accompanies the image on Gemini image models. */
  text?: string;
}

/** Speech audio (`/audio/speech`, xAI `/tts`, Gemini TTS models as base64 PCM). */
export interface LlmSpeechReply extends ReplyBase {
  kind: 'speech';
  audio: Uint8Array;
  /** @default derived from the requested format (`audio/mpeg`, `audio/wav`, Gemini `audio/L16;rate=24000`) */
  contentType?: string;
}

/** A transcript (`/audio/transcriptions`, xAI `/stt`). On Gemini it is rendered as text. */
export interface LlmTranscriptionReply extends ReplyBase {
  kind: 'transcription';
  text: string;
  /** Audio length reported by whisper-1 (`usage.seconds`) and xAI (`duration`). @default 1 */
  durationSeconds?: number;
  /** @default 'en' */
  language?: string;
}

/** Why a request failed, rendered as each provider's status, error body and headers. */
export type LlmErrorReason = 'rate_limit' | 'quota' | 'invalid_request' | 'auth' | 'permission' | 'not_found' | 'server' | 'overloaded' | 'timeout';

/** An HTTP error in the provider's format (see `llmFault`). */
export interface LlmErrorReply {
  kind: 'error';
  reason: LlmErrorReason;
  /** @default per reason and provider (e.g. overloaded: Anthropic 529, others 503) */
  status?: number;
  message?: string;
  /** OpenAI `param`. */
  param?: string;
  /** OpenAI `code` / Anthropic `details.error_code` / Gemini `status`. @default per reason */
  code?: string;
  /** Wait hint for rate limits, as each provider sends it. @default 1000 for rate_limit */
  retryAfterMs?: number;
  /** Extra response headers (e.g. `x-should-retry: false`). */
  headers?: Record<string, string>;
  /** Send this JSON body instead of the rendered one. */
  body?: unknown;
}

/** Hold the response for `ms` (then answer with `then`), or forever when `ms` is undefined. */
export interface LlmHangReply {
  kind: 'hang';
  ms?: number;
  then?: LlmReply;
}

/** A 200 response whose body is not valid JSON (or, for streams, an SSE frame with invalid JSON). */
export interface LlmMalformedReply {
  kind: 'malformed';
  /** @default '{"id": "trunc' */
  body?: string;
}

/** Render `reply`, then cut the response after `afterEvents` stream frames (or half the JSON body). */
export interface LlmTruncatedReply {
  kind: 'truncated';
  reply?: LlmReply;
  /** @default 1 */
  afterEvents?: number;
  /** `reset` destroys the socket; `end` ends the HTTP response cleanly without the rest. @default 'reset' */
  cut?: 'reset' | 'end';
  /**
   * Instead of cutting, send this error as the provider's in-stream error event after the frames, then end
   * (OpenAI `data: {"error":…}`, Anthropic `event: error`, Gemini `data: {"error":{code,status}}`).
   * Non-streaming requests get it as a plain HTTP error.
   */
  error?: LlmErrorReply;
}

/** Anything a script can answer with. */
export type LlmReply =
  LlmMessageReply | LlmImageReply | LlmSpeechReply | LlmTranscriptionReply | LlmErrorReply | LlmHangReply | LlmMalformedReply | LlmTruncatedReply;

type Options<T> = Omit<T, 'kind'>;

/**
 * Builders for successful replies.
 *
 * @example
 * ```ts
 * emulator.enqueue(
 *   llmReply.text('Hello', { usage: { input: 10, cacheRead: 90, output: 2 } }),
 *   llmReply.toolCalls([{ name: 'get_weather', arguments: { city: 'Oslo' } }]),
 *   llmReply.json({ city: 'Oslo', tempC: 4 }),
 * );
 * ```
 */
export const llmReply = {
  /** A text answer. */
  text(text: string, options: Omit<Options<LlmMessageReply>, 'text'> = {}): LlmMessageReply {
    return { kind: 'message', text, ...options };
  },
  /** One or more (parallel) tool calls, optionally with text. */
  toolCalls(calls: LlmToolCallSpec[], options: Omit<Options<LlmMessageReply>, 'toolCalls'> = {}): LlmMessageReply {
    return { kind: 'message', toolCalls: calls, ...options };
  },
  /** Structured output: `value` serialized as the text of the answer. */
  json(value: unknown, options: Omit<Options<LlmMessageReply>, 'text'> = {}): LlmMessageReply {
    return { kind: 'message', text: JSON.stringify(value), ...options };
  },
  /** Generated images. @default one 1×1 PNG */
  image(images: LlmImageSpec[] = [{}], options: Omit<Options<LlmImageReply>, 'images'> = {}): LlmImageReply {
    return { kind: 'image', images, ...options };
  },
  /** Speech audio bytes. */
  speech(audio: Uint8Array, options: Omit<Options<LlmSpeechReply>, 'audio'> = {}): LlmSpeechReply {
    return { kind: 'speech', audio, ...options };
  },
  /** A transcript. */
  transcription(text: string, options: Omit<Options<LlmTranscriptionReply>, 'text'> = {}): LlmTranscriptionReply {
    return { kind: 'transcription', text, ...options };
  },
};
