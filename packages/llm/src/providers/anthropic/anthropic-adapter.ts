import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import type { LlmFinishReason, LlmToolCall } from '../../types/messages.js';
import { parseArguments, type ProviderAdapter, type ProviderStreamEvent, type ProviderTextRequest, type ProviderTextResponse } from '../provider-adapter.js';
import { toAnthropicMessages } from './anthropic-messages.js';
import { normalizeAnthropicUsage, type AnthropicUsageFields } from './normalize-anthropic-usage.js';

/** Connection settings for Anthropic. */
export interface AnthropicAdapterOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
  /**
   * `max_tokens` when a request sets none (Anthropic requires one).
   * @default 4096
   */
  defaultMaxTokens?: number;
}

const FINISH: Record<string, LlmFinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'refusal',
  pause_turn: 'other',
};

const EFFORT: Record<string, 'low' | 'medium' | 'high' | undefined> = { minimal: 'low', low: 'low', medium: 'medium', high: 'high' };

/** Anthropic Messages through `@anthropic-ai/sdk` 1.x, SDK retries off. */
export function createAnthropicAdapter(options: AnthropicAdapterOptions): ProviderAdapter {
  const client = new Anthropic({ apiKey: options.apiKey, baseURL: options.baseUrl ?? null, timeout: options.timeoutMs, maxRetries: 0 });

  function body(request: ProviderTextRequest): MessageCreateParamsBase {
    const { system, messages } = toAnthropicMessages(request.system, request.messages);
    const { params } = request;
    const out: MessageCreateParamsBase = {
      model: request.model,
      max_tokens: params.maxTokens ?? options.defaultMaxTokens ?? 4096,
      messages,
    };
    if (system) out.system = system;
    if (params.stop?.length) out.stop_sequences = params.stop;
    const effort = params.reasoningEffort ? EFFORT[params.reasoningEffort] : undefined;
    if (effort || request.responseFormat) {
      out.output_config = {
        ...(effort ? { effort } : {}),
        ...(request.responseFormat ? { format: { type: 'json_schema' as const, schema: request.responseFormat.schema } } : {}),
      };
    }
    if (request.tools.length > 0) {
      out.tools = request.tools.map((tool) => ({
        name: tool.name,
        description: tool.description,
        input_schema: tool.jsonSchema as { type: 'object'; [key: string]: unknown },
      }));
      const disable = request.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
      const choice = request.toolChoice;
      if (choice === 'none') out.tool_choice = { type: 'none' };
      else if (choice === 'required') out.tool_choice = { type: 'any', ...disable };
      else if (typeof choice === 'object') out.tool_choice = { type: 'tool', name: choice.name, ...disable };
      else if (request.parallelToolCalls === false) out.tool_choice = { type: 'auto', ...disable };
    }
    return out;
  }

  return {
    name: 'anthropic',
    media: {},
    async complete(request): Promise<ProviderTextResponse> {
      const message = await client.messages.create({ ...body(request), stream: false }, { signal: request.signal, timeout: request.timeoutMs });
      const toolCalls: LlmToolCall[] = [];
      let text = '';
      for (const block of message.content) {
        if (block.type === 'text') text += block.text;
        else if (block.type === 'tool_use') {
          toolCalls.push({ id: block.id, name: block.name, arguments: block.input, rawArguments: JSON.stringify(block.input) });
        }
      }
      return {
        text,
        toolCalls,
        finishReason: FINISH[message.stop_reason ?? ''] ?? 'other',
        usage: normalizeAnthropicUsage(message.usage as AnthropicUsageFields),
        rawUsage: message.usage,
        serviceTier: message.usage.service_tier ?? null,
        providerCost: null,
        responseModel: message.model,
        providerContent: message.content,
      };
    },
    stream(request) {
      return streamMessages(client, body(request), request);
    },
  };
}

async function* streamMessages(client: Anthropic, body: MessageCreateParamsBase, request: ProviderTextRequest): AsyncGenerator<ProviderStreamEvent> {
  const stream = await client.messages.create({ ...body, stream: true }, { signal: request.signal, timeout: request.timeoutMs });
  // message_delta usage is cumulative: the latest value of each field wins, never a sum.
  let usage: AnthropicUsageFields = {};
  let serviceTier: string | null = null;
  let model: string | undefined;
  let finish: LlmFinishReason = 'other';
  const blocks: Array<Record<string, unknown> & { type: string }> = [];
  const json = new Map<number, string>();
  for await (const event of stream as AsyncIterable<RawMessageStreamEvent>) {
    switch (event.type) {
      case 'message_start':
        model = event.message.model;
        usage = { ...(event.message.usage as AnthropicUsageFields) };
        serviceTier = event.message.usage.service_tier ?? null;
        yield { type: 'usage', usage: normalizeAnthropicUsage(usage), rawUsage: { ...usage }, serviceTier, providerCost: null };
        break;
      case 'content_block_start':
        blocks[event.index] = { ...(event.content_block as unknown as Record<string, unknown>), type: event.content_block.type };
        break;
      case 'content_block_delta': {
        const block = blocks[event.index];
        const delta = event.delta;
        if (delta.type === 'text_delta') {
          if (block) block.text = `${(block.text as string | undefined) ?? ''}${delta.text}`;
          yield { type: 'text', text: delta.text };
        } else if (delta.type === 'input_json_delta') {
          json.set(event.index, (json.get(event.index) ?? '') + delta.partial_json);
        } else if (delta.type === 'thinking_delta' && block) {
          block.thinking = `${(block.thinking as string | undefined) ?? ''}${delta.thinking}`;
        } else if (delta.type === 'signature_delta' && block) {
          block.signature = delta.signature;
        }
        break;
      }
      case 'message_delta': {
        for (const [key, value] of Object.entries(event.usage)) if (value !== null && value !== undefined) (usage as Record<string, unknown>)[key] = value;
        if (event.delta.stop_reason) finish = FINISH[event.delta.stop_reason] ?? 'other';
        yield { type: 'usage', usage: normalizeAnthropicUsage(usage), rawUsage: { ...usage }, serviceTier, providerCost: null };
        break;
      }
      default:
        break;
    }
  }
  const toolCalls: LlmToolCall[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'tool_use') return;
    const raw = json.get(index) ?? '';
    block.input = parseArguments(raw) ?? {};
    toolCalls.push({ id: block.id as string, name: block.name as string, rawArguments: raw || '{}', arguments: parseArguments(raw) });
  });
  yield { type: 'end', finishReason: finish, toolCalls, responseModel: model, providerContent: blocks.filter(Boolean) };
}
