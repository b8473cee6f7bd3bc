import OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import type { LlmFinishReason, LlmToolCall } from '../../types/messages.js';
import { parseArguments, type ProviderAdapter, type ProviderStreamEvent, type ProviderTextRequest, type ProviderTextResponse } from '../provider-adapter.js';
import { normalizeOpenAiUsage, reportedCost, type OpenAiUsageFields } from './normalize-openai-usage.js';
import { createOpenAiMedia } from './openai-media.js';
import { toOpenAiMessages } from './openai-messages.js';

/** Connection settings of an OpenAI-protocol provider. */
export interface OpenAiAdapterOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
}

const FINISH: Record<string, LlmFinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
};

/**
 * OpenAI and xAI through the `openai` SDK's Chat Completions (xAI at its own base URL, with its usage
 * semantics: reasoning outside `completion_tokens`). SDK retries are off: the service's loop decides.
 */
export function createOpenAiAdapter(flavour: 'openai' | 'xai', options: OpenAiAdapterOptions): ProviderAdapter {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl ?? (flavour === 'xai' ? 'https://api.x.ai/v1' : undefined),
    timeout: options.timeoutMs,
    maxRetries: 0,
  });

  function body(request: ProviderTextRequest): ChatCompletionCreateParamsBase {
    const { params, capabilities: caps } = request;
    const out: ChatCompletionCreateParamsBase = {
      model: request.model,
      messages: toOpenAiMessages(request.system, request.messages, caps),
    };
    if (params.temperature !== undefined) out.temperature = params.temperature;
    if (params.topP !== undefined) out.top_p = params.topP;
    if (params.maxTokens !== undefined) out[caps.maxTokensField] = params.maxTokens;
    if (params.stop?.length) out.stop = params.stop;
    if (params.seed !== undefined) out.seed = params.seed;
    if (params.presencePenalty !== undefined) out.presence_penalty = params.presencePenalty;
    if (params.frequencyPenalty !== undefined) out.frequency_penalty = params.frequencyPenalty;
    if (params.reasoningEffort !== undefined) out.reasoning_effort = params.reasoningEffort;
    if (request.tools.length > 0) {
      out.tools = request.tools.map((tool) => ({
        type: 'function' as const,
        function: { name: tool.name, description: tool.description, parameters: tool.jsonSchema },
      }));
      if (request.toolChoice !== undefined) {
        out.tool_choice = typeof request.toolChoice === 'string' ? request.toolChoice : { type: 'function', function: { name: request.toolChoice.name } };
      }
      if (request.parallelToolCalls !== undefined && caps.parallelToolSwitch) out.parallel_tool_calls = request.parallelToolCalls;
    }
    if (request.responseFormat) {
      out.response_format = {
        type: 'json_schema',
        json_schema: { name: request.responseFormat.name, schema: request.responseFormat.schema, strict: true },
      };
    }
    return out;
  }

  const requestOptions = (request: ProviderTextRequest) => ({ signal: request.signal, timeout: request.timeoutMs, maxRetries: 0 });

  return {
    name: flavour,
    media: createOpenAiMedia(client, flavour, options.apiKey),
    async complete(request): Promise<ProviderTextResponse> {
      const response = await client.chat.completions.create({ ...body(request), stream: false }, requestOptions(request));
      const choice = response.choices[0];
      const message = choice?.message;
      const toolCalls: LlmToolCall[] = (message?.tool_calls ?? []).flatMap((call) =>
        call.type === 'function'
          ? [{ id: call.id, name: call.function.name, rawArguments: call.function.arguments, arguments: parseArguments(call.function.arguments) }]
          : [],
      );
      const refusal = message?.refusal ?? null;
      return {
        text: message?.content ?? refusal ?? '',
        toolCalls,
        finishReason: refusal ? 'refusal' : (FINISH[choice?.finish_reason ?? ''] ?? 'other'),
        usage: normalizeOpenAiUsage(response.usage as OpenAiUsageFields | undefined, flavour),
        rawUsage: response.usage ?? null,
        serviceTier: response.service_tier ?? null,
        providerCost: reportedCost(response.usage as OpenAiUsageFields | undefined),
        responseModel: response.model,
        providerContent: undefined,
      };
    },
    stream(request) {
      return streamChat(client, body(request), requestOptions(request), flavour);
    },
  };
}

async function* streamChat(
  client: OpenAI,
  body: ChatCompletionCreateParamsBase,
  options: { signal: AbortSignal; timeout: number; maxRetries: number },
  flavour: 'openai' | 'xai',
): AsyncGenerator<ProviderStreamEvent> {
  const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, options);
  const calls = new Map<number, { id: string; name: string; args: string }>();
  let finish: LlmFinishReason = 'other';
  let model: string | undefined;
  for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
    model ??= chunk.model;
    for (const choice of chunk.choices) {
      const delta = choice.delta;
      if (delta?.content) yield { type: 'text', text: delta.content };
      for (const call of delta?.tool_calls ?? []) {
        const entry = calls.get(call.index) ?? { id: '', name: '', args: '' };
        if (call.id) entry.id = call.id;
        if (call.function?.name) entry.name = call.function.name;
        if (call.function?.arguments) entry.args += call.function.arguments;
        calls.set(call.index, entry);
      }
      if (choice.finish_reason) finish = FINISH[choice.finish_reason] ?? 'other';
    }
    if (chunk.usage) {
      yield {
        type: 'usage',
        usage: normalizeOpenAiUsage(chunk.usage as OpenAiUsageFields, flavour),
        rawUsage: chunk.usage,
        serviceTier: chunk.service_tier ?? null,
        providerCost: reportedCost(chunk.usage as OpenAiUsageFields),
      };
    }
  }
  const toolCalls = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, c]) => ({ id: c.id, name: c.name, rawArguments: c.args, arguments: parseArguments(c.args) }));
  yield { type: 'end', finishReason: finish, toolCalls, responseModel: model, providerContent: undefined };
}
