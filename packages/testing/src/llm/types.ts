import type { LlmProvider, LlmReply } from './replies.js';

/** What an emulator call did, by route. */
export type LlmOperation =
  | 'chat.completions'
  | 'responses'
  | 'images.generations'
  | 'images.edits'
  | 'audio.speech'
  | 'audio.transcriptions'
  | 'tts'
  | 'stt'
  | 'messages'
  | 'messages.count_tokens'
  | 'generateContent'
  | 'streamGenerateContent'
  | 'countTokens'
  | 'predict';

/** A multipart body: text fields plus file metadata (the bytes are kept for assertions). */
export interface RecordedMultipart {
  fields: Record<string, string | string[]>;
  files: Array<{ field: string; filename: string; contentType: string; size: number; bytes: Uint8Array }>;
}

/** One request as the emulator received it. */
export interface RecordedLlmRequest {
  provider: LlmProvider;
  operation: LlmOperation;
  method: string;
  /** Path without the query, e.g. `/v1/chat/completions` or `/v1beta/models/gemini-2.5-flash:generateContent`. */
  path: string;
  query: Record<string, string>;
  /** Lower-case headers without credentials (`authorization`, `x-api-key`, `x-goog-api-key` are removed). */
  headers: Record<string, string>;
  /** Parsed JSON, a {@link RecordedMultipart}, or `undefined`. */
  body: unknown;
  /** From the body (`model`) or the path (Gemini); undefined for xAI `/tts` and `/stt`. */
  model: string | undefined;
  stream: boolean;
  /** SDK retry attempt from `x-stainless-retry-count` (0 for the first attempt and for genai). */
  attempt: number;
  /** The reply that answered (after validation and scripting). */
  reply: LlmReply | undefined;
}

/** Computes a reply for a request; `undefined` falls through to the default responder. */
export type LlmScriptHandler = (request: RecordedLlmRequest) => LlmReply | undefined | Promise<LlmReply | undefined>;

/** Scripting scoped to one model id. */
export interface LlmModelScript {
  /** Queue replies for this model only; consumed before the emulator-wide queue. */
  enqueue(...replies: LlmReply[]): void;
  /** Answer every request for this model with `reply` (e.g. a model that is down); `undefined` clears it. */
  always(reply: LlmReply | undefined): void;
}

/** Options for {@link createLlmEmulator}. */
export interface LlmEmulatorOptions {
  provider: LlmProvider;
  /** The key the emulator accepts; any other key gets the provider's 401. @default `test-<provider>-key` */
  apiKey?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** When set, other model ids get the provider's 404 model-not-found error. */
  knownModels?: string[];
  /** Reject requests the real API rejects (missing `max_tokens`, `temperature` on reasoning models, …). @default true */
  validate?: boolean;
  /** Keep requests in `requests`; turn off for long benchmarks so memory stays flat. @default true */
  record?: boolean;
}

/** A running provider emulator on 127.0.0.1. */
export interface LlmEmulator {
  provider: LlmProvider;
  /**
   * Exactly what to pass as the SDK's base URL: `http://127.0.0.1:PORT/v1` for OpenAI/xAI
   * (`baseURL`), `http://127.0.0.1:PORT` for Anthropic (`baseURL`) and Gemini (`httpOptions.baseUrl`).
   */
  baseURL: string;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  apiKey: string;
  /** Ready-made client options: `{ apiKey, baseURL }`, or `{ apiKey, httpOptions: { baseUrl } }` for Gemini. */
  clientOptions: Record<string, unknown>;
  /** Every request received, oldest first. */
  requests: RecordedLlmRequest[];
  /** Queue replies, each answering one request (SDK retries included), oldest first. */
  enqueue(...replies: LlmReply[]): void;
  /** Scripting for one model id. */
  model(id: string): LlmModelScript;
  /** A handler asked when no queued or model reply applies; replaces the previous one. */
  script(handler: LlmScriptHandler | undefined): void;
  /** Clears queues, model rules, the handler and the request log. */
  reset(): void;
  /** Stops the server, dropping held and open connections. */
  close(): Promise<void>;
}
