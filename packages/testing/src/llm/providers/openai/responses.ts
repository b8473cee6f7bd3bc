import { frame, jsonBody, sseStream, type Rendered, type SseFrame } from '../../core/rendered.js';
import type { LlmMessageReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import { isRawUsage, toProviderUsage } from '../../usage.js';
import type { RenderContext } from '../provider-adapter.js';
import { argumentsJson, neutralUsage, outputChars, textChunks } from '../shared/message-parts.js';

type Flavour = 'openai' | 'xai';
type Item = Record<string, unknown>;

/** A Responses API answer, as one `response` object or as the typed SSE event sequence. */
export function renderResponse(
  flavour: Flavour,
  request: RecordedLlmRequest,
  reply: LlmMessageReply,
  context: RenderContext,
  headers: Record<string, string>,
): Rendered {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const items: Item[] = [];
  if (reply.reasoning !== undefined) {
    items.push({
      type: 'reasoning',
      id: context.ids.next('rs_'),
      summary: [{ type: 'summary_text', text: reply.reasoning }],
      encrypted_content: null,
      status: 'completed',
    });
  }
  if (reply.text !== undefined) {
    const refusal = reply.stopReason === 'refusal';
    items.push({
      type: 'message',
      id: context.ids.next('msg_'),
      status: 'completed',
      role: 'assistant',
      content: [refusal ? { type: 'refusal', refusal: reply.text } : { type: 'output_text', text: reply.text, annotations: [], logprobs: [] }],
    });
  }
  for (const call of reply.toolCalls ?? []) {
    items.push({
      type: 'function_call',
      id: context.ids.next('fc_'),
      call_id: call.id ?? context.ids.next('call_'),
      name: call.name,
      arguments: argumentsJson(call),
      status: 'completed',
    });
  }
  const incomplete = reply.stopReason === 'length';
  const usage = isRawUsage(reply.usage) ? reply.usage.raw : toProviderUsage(flavour, neutralUsage(request, reply.usage, outputChars(reply)), 'responses');
  const response = {
    id: context.ids.next('resp_'),
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: incomplete ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: request.model ?? 'unknown',
    output: items,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: body.reasoning ?? { effort: null, summary: null },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage,
    metadata: {},
  };
  if (!request.stream) return jsonBody(200, response, headers);
  return sseStream(streamEvents(response, items, reply), headers);
}

function streamEvents(response: Record<string, unknown>, items: Item[], reply: LlmMessageReply): SseFrame[] {
  let sequence = 0;
  const frames: SseFrame[] = [];
  const emit = (type: string, data: Record<string, unknown>) => frames.push(frame({ type, sequence_number: sequence++, ...data }, type));
  const pending = { ...response, status: 'in_progress', output: [], usage: null, incomplete_details: null };
  emit('response.created', { response: pending });
  emit('response.in_progress', { response: pending });
  for (const [outputIndex, item] of items.entries()) {
    const itemId = item.id;
    if (item.type === 'message') {
      const part = (item.content as Item[])[0] ?? {};
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
      const isText = part.type === 'output_text';
      emit('response.content_part.added', {
        item_id: itemId,
        output_index: outputIndex,
        content_index: 0,
        part: isText ? { type: 'output_text', text: '', annotations: [], logprobs: [] } : { type: 'refusal', refusal: '' },
      });
      for (const piece of textChunks(reply)) {
        emit(isText ? 'response.output_text.delta' : 'response.refusal.delta', {
          item_id: itemId,
          output_index: outputIndex,
          content_index: 0,
          delta: piece,
          ...(isText ? { logprobs: [] } : {}),
        });
      }
      emit(isText ? 'response.output_text.done' : 'response.refusal.done', {
        item_id: itemId,
        output_index: outputIndex,
        content_index: 0,
        ...(isText ? { text: part.text, logprobs: [] } : { refusal: part.refusal }),
      });
      emit('response.content_part.done', { item_id: itemId, output_index: outputIndex, content_index: 0, part });
    } else if (item.type === 'function_call') {
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, arguments: '', status: 'in_progress' } });
      emit('response.function_call_arguments.delta', { item_id: itemId, output_index: outputIndex, delta: item.arguments });
      emit('response.function_call_arguments.done', { item_id: itemId, output_index: outputIndex, name: item.name, arguments: item.arguments });
    } else {
      emit('response.output_item.added', { output_index: outputIndex, item });
    }
    emit('response.output_item.done', { output_index: outputIndex, item });
  }
  emit(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
  return frames;
}
