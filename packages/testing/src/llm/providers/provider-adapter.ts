import type { IdSource } from '../core/ids.js';
import type { FileStore } from '../core/media.js';
import type { Rendered } from '../core/rendered.js';
import type { LlmErrorReply, LlmImageReply, LlmMessageReply, LlmProvider, LlmReply, LlmSpeechReply, LlmTranscriptionReply } from '../replies.js';
import type { LlmOperation, RecordedLlmRequest } from '../types.js';

/** Replies that produce a successful response body. */
export type SuccessReply = LlmMessageReply | LlmImageReply | LlmSpeechReply | LlmTranscriptionReply;

/** What a renderer may use besides the request and the reply. */
export interface RenderContext {
  ids: IdSource;
  files: FileStore;
}

/** A matched route: the operation and, for Gemini, the model from the path. */
export interface RouteMatch {
  operation: LlmOperation;
  model?: string;
}

/** One provider's wire format: routes, auth, validation and rendering. */
export interface ProviderAdapter {
  provider: LlmProvider;
  /** Path the SDK's base URL ends with (`/v1` for OpenAI-style clients, `` otherwise). */
  basePath: string;
  /** SSE event name of an in-stream error (Anthropic `error`); data-only frames when undefined. */
  streamErrorEvent?: string;
  route(method: string, path: string): RouteMatch | undefined;
  /** The API key the request carries, if any. */
  credential(headers: Record<string, string>, query: Record<string, string>): string | undefined;
  /** Model and streaming flag from the parsed request. */
  inspect(match: RouteMatch, body: unknown, query: Record<string, string>): { model: string | undefined; stream: boolean };
  /** The error the real API would answer, or undefined when the request is acceptable. */
  validate(request: RecordedLlmRequest): LlmErrorReply | undefined;
  /** The reply when nothing is scripted. */
  defaultReply(request: RecordedLlmRequest): SuccessReply;
  /** Renders a success reply, as JSON or as a stream when the request asked for one. */
  render(request: RecordedLlmRequest, reply: SuccessReply, context: RenderContext): Rendered;
  renderError(request: RecordedLlmRequest | undefined, reply: LlmErrorReply, context: RenderContext): Rendered;
}

/** True for replies that render a success response. */
export function isSuccessReply(reply: LlmReply): reply is SuccessReply {
  return reply.kind === 'message' || reply.kind === 'image' || reply.kind === 'speech' || reply.kind === 'transcription';
}
