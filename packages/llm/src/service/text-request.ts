import { modelCapabilities } from '../capabilities/model-capabilities.js';
import { LlmInvalidRequestError } from '../errors/llm-error.js';
import type { ProviderTextRequest, ProviderTextResponse } from '../providers/provider-adapter.js';
import type { JsonSchema } from '../tools/define-tool.js';
import type { LlmMessage, LlmToolCall } from '../types/messages.js';
import type { CompleteRequest } from '../types/requests.js';
import type { CompletionResult } from '../types/results.js';
import { filterParams } from './filter-params.js';
import type { ResolvedTarget } from './resolve-target.js';
import type { AttemptHandle, AttemptSummary } from './run-with-fallbacks.js';
import type { AttemptCost } from './usage-accounting.js';

/** Native structured output for a text request: the schema per provider dialect. */
export interface ResponseFormatSpec {
  name: string;
  schema: (provider: string) => JsonSchema;
  /** The schema before dialect conversion, for the prompt fallback. */
  plain?: JsonSchema;
}

/** The conversation of a request: its messages, then `prompt` as the last user turn. */
export function requestMessages(request: CompleteRequest): LlmMessage[] {
  const messages = [...(request.messages ?? [])];
  if (request.prompt !== undefined) messages.push({ role: 'user', content: request.prompt });
  if (messages.length === 0) throw new LlmInvalidRequestError('an LLM request needs a prompt or messages');
  return messages;
}

/**
 * Builds the adapter request for one attempt: parameters filtered by the target model's capabilities,
 * tools and forced choice dropped where the model cannot take them.
 */
export function providerTextRequest(
  request: CompleteRequest,
  messages: LlmMessage[],
  handle: AttemptHandle,
  responseFormat?: ResponseFormatSpec,
): { request: ProviderTextRequest; dropped: string[] } {
  const caps = modelCapabilities(handle.target.provider, handle.target.model);
  // Without a native JSON mode the schema travels in the system prompt; the answer is validated either way.
  const system =
    responseFormat && !caps.nativeJsonSchema
      ? `${request.system ? `${request.system}\n\n` : ''}Reply with a single JSON value, no prose, matching this JSON Schema:\n${JSON.stringify(responseFormat.plain ?? responseFormat.schema(handle.target.provider))}`
      : request.system;
  const { params, dropped } = filterParams(request, caps);
  const tools = caps.tools ? (request.tools ?? []) : [];
  if (!caps.tools && request.tools?.length) dropped.push('tools');
  let toolChoice = request.toolChoice;
  if (toolChoice !== undefined && typeof toolChoice === 'object' && !caps.forcedToolChoice) {
    dropped.push('toolChoice');
    toolChoice = 'auto';
  } else if (toolChoice === 'required' && !caps.forcedToolChoice) {
    dropped.push('toolChoice');
    toolChoice = 'auto';
  }
  return {
    request: {
      model: handle.target.model,
      system,
      messages,
      params,
      capabilities: caps,
      tools: tools.map((t) => ({ name: t.name, description: t.description, jsonSchema: t.jsonSchema })),
      toolChoice: tools.length > 0 ? toolChoice : undefined,
      parallelToolCalls: tools.length > 0 ? request.parallelToolCalls : undefined,
      responseFormat:
        responseFormat && caps.nativeJsonSchema ? { name: responseFormat.name, schema: responseFormat.schema(handle.target.provider) } : undefined,
      timeoutMs: handle.timeoutMs,
      signal: handle.signal,
    },
    dropped,
  };
}

/** Validates tool calls against the request's tools: typed arguments, or `error` explaining the mismatch. */
function validateToolCalls(request: CompleteRequest, calls: LlmToolCall[]): LlmToolCall[] {
  return calls.map((call) => {
    const tool = request.tools?.find((t) => t.name === call.name);
    if (!tool) return { ...call, error: `unknown tool "${call.name}"` };
    if (call.arguments === undefined) return { ...call, error: 'arguments are not valid JSON' };
    const parsed = tool.parse(call.arguments);
    return parsed.success ? { ...call, arguments: parsed.data } : { ...call, error: parsed.error };
  });
}

/**
 * The provider-neutral result of a recorded text attempt (complete or streamed): tool calls validated
 * against the request's tools, and the assistant turn ready to append for the next turn.
 */
export function completionResult(
  request: CompleteRequest,
  reply: Pick<ProviderTextResponse, 'text' | 'toolCalls' | 'finishReason' | 'responseModel' | 'providerContent'>,
  call: { target: Pick<ResolvedTarget, 'provider' | 'model'>; attempts: AttemptSummary[]; startedAt: number; cost: AttemptCost },
): CompletionResult {
  const { target, cost } = call;
  const toolCalls = validateToolCalls(request, reply.toolCalls);
  return {
    text: reply.text,
    toolCalls,
    finishReason: reply.finishReason,
    responseModel: reply.responseModel,
    provider: target.provider,
    model: target.model,
    usage: cost.totals,
    costUsd: cost.costUsd,
    latencyMs: Math.round(performance.now() - call.startedAt),
    attempts: call.attempts,
    message: {
      role: 'assistant',
      content: reply.text,
      ...(toolCalls.length ? { toolCalls } : {}),
      ...(reply.providerContent !== undefined ? { providerData: { provider: target.provider, content: reply.providerContent } } : {}),
    },
  };
}
