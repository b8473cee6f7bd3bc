import type { LlmCallContext, LlmTarget } from '../types/requests.js';
import type { LlmCallInfo } from '../types/results.js';
import type { UsageBuckets } from '../types/usage.js';

/** Common options of media requests. */
export interface MediaRequestBase extends LlmCallContext {
  /** @default the service's default provider */
  provider?: LlmTarget['provider'];
  /** The media model, e.g. `gpt-image-2`, `gpt-4o-mini-tts`, `whisper-1`, `gemini-2.5-flash-image`. */
  model?: string;
  fallbacks?: LlmTarget[];
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** `generateImage()` options. */
export interface GenerateImageRequest extends MediaRequestBase {
  prompt: string;
  /** @default 1 */
  n?: number;
  /** OpenAI sizes such as `1024x1024`. */
  size?: string;
  /** OpenAI `low | medium | high | auto`. */
  quality?: string;
  /** Gemini and xAI aspect ratios such as `16:9`. */
  aspectRatio?: string;
  /** URL or base64 where the provider offers both (xAI). GPT image models always return base64. */
  responseFormat?: 'url' | 'b64_json';
}

/** One generated image: base64 data or a (temporary) URL. */
export interface GeneratedImage {
  b64?: string;
  url?: string;
  mimeType?: string;
  revisedPrompt?: string;
}

export interface GenerateImageResult extends LlmCallInfo {
  images: GeneratedImage[];
}

/** `speech()` options (text to speech). */
export interface SpeechRequest extends MediaRequestBase {
  text: string;
  /** Provider voice (`alloy`, `eve`, `Kore`, …). */
  voice?: string;
  /** OpenAI `mp3 | wav | pcm | …`. @default 'mp3' */
  format?: string;
  /** Style instructions (gpt-4o-mini-tts). */
  instructions?: string;
}

export interface SpeechResult extends LlmCallInfo {
  audio: Uint8Array;
  mimeType: string;
  /** Audio length when known (exact for PCM/WAV, estimated otherwise). */
  durationSeconds: number | undefined;
}

/** `transcribe()` options (speech to text). */
export interface TranscribeRequest extends MediaRequestBase {
  audio: Uint8Array;
  /** @default 'audio/mpeg' */
  mimeType?: string;
  /** @default 'audio.mp3' */
  filename?: string;
  language?: string;
  prompt?: string;
}

export interface TranscribeResult extends LlmCallInfo {
  text: string;
}

/** What a provider returns for one media call, before pricing. */
export interface MediaOutcome<T> {
  value: T;
  usage: UsageBuckets;
  rawUsage: unknown;
  /** Billed non-token quantity for `llm_usage.units`. */
  units: number | undefined;
  /** Model name the row is recorded (and priced) under, when it differs from the request's. */
  recordAs?: string;
  metadata?: Record<string, unknown>;
}

/** Media operations a provider adapter may support. */
export interface MediaAdapter {
  generateImage?(model: string, request: GenerateImageRequest, signal: AbortSignal): Promise<MediaOutcome<GeneratedImage[]>>;
  speech?(
    model: string,
    request: SpeechRequest,
    signal: AbortSignal,
  ): Promise<MediaOutcome<{ audio: Uint8Array; mimeType: string; durationSeconds: number | undefined }>>;
  transcribe?(model: string, request: TranscribeRequest, signal: AbortSignal): Promise<MediaOutcome<string>>;
}
