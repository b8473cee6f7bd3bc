import { frame, jsonBody, sseStream, type Rendered, type SseFrame } from '../../core/rendered.js';
import type { LlmMessageReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import { isRawUsage, toProviderUsage } from '../../usage.js';
import type { RenderContext } from '../provider-adapter.js';
import { argumentsJson, argumentsObject, neutralUsage, outputChars, textChunks } from '../shared/message-parts.js';

type Block = Record<string, unknown>;

function stopReason(reply: LlmMessageReply): string {
  if (reply.toolCalls?.length) return 'tool_use';
  switch (reply.stopReason) {
    case 'length':
      return 'max_tokens';
    case 'refusal':
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

/** A Messages API answer, as one `message` or as the `message_start` … `message_stop` event stream. */
export function renderMessage(request: RecordedLlmRequest, reply: LlmMessageReply, context: RenderContext, headers: Record<string, string>): Rendered {
  const blocks: Block[] = [];
  if (reply.reasoning !== undefined) {
    blocks.push({ type: 'thinking', thinking: reply.reasoning, signature: Buffer.from(`sig-${reply.reasoning.length}`).toString('base64') });
  }
  if (reply.text !== undefined) blocks.push({ type: 'text', text: reply.text, citations: null });
  for (const call of reply.toolCalls ?? []) {
    blocks.push({ type: 'tool_use', id: call.id ?? context.ids.next('toolu_'), name: call.name, input: argumentsObject(call) });
  }
  const usage = isRawUsage(reply.usage)
    ? reply.usage.raw
    : {
        ...toProviderUsage('anthropic', neutralUsage(request, reply.usage, outputChars(reply) + (reply.reasoning?.length ?? 0))),
        ...(reply.serviceTier ? { service_tier: reply.serviceTier } : {}),
      };
  const message = {
    id: context.ids.next('msg_'),
    type: 'message',
    role: 'assistant',
    model: request.model ?? 'unknown',
    content: blocks,
    stop_reason: stopReason(reply),
    stop_sequence: null,
    usage,
  };
  if (!request.stream) return jsonBody(200, message, headers);

  const frames: SseFrame[] = [];
  const emit = (type: string, data: Record<string, unknown> = {}) => frames.push(frame({ type, ...data }, type));
  emit('message_start', {
    message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  for (const [index, block] of blocks.entries()) {
    if (block.type === 'thinking') {
      emit('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      emit('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: block.thinking } });
      emit('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    } else if (block.type === 'text') {
      emit('content_block_start', { index, content_block: { type: 'text', text: '', citations: null } });
      for (const piece of textChunks(reply)) emit('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
    } else {
      emit('content_block_start', { index, content_block: { ...block, input: {} } });
      const call = reply.toolCalls?.find((c) => c.name === block.name);
      const json = call ? argumentsJson(call) : JSON.stringify(block.input);
      const half = Math.floor(json.length / 2);
      emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(0, half) } });
      emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(half) } });
    }
    emit('content_block_stop', { index });
    if (index === 0) emit('ping');
  }
  // message_delta usage is cumulative: the final counts, not an increment.
  emit('message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage });
  emit('message_stop');
  return sseStream(frames, headers);
}
