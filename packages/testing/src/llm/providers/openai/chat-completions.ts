import { frame, jsonBody, sseStream, type Rendered, type SseFrame } from '../../core/rendered.js';
import type { LlmMessageReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import { isRawUsage, toProviderUsage } from '../../usage.js';
import type { RenderContext } from '../provider-adapter.js';
import { argumentsJson, neutralUsage, outputChars, textChunks } from '../shared/message-parts.js';

type Flavour = 'openai' | 'xai';

function finishReason(reply: LlmMessageReply): string {
  if (reply.toolCalls?.length) return 'tool_calls';
  if (reply.stopReason === 'length') return 'length';
  if (reply.stopReason === 'content_filter') return 'content_filter';
  return 'stop';
}

function usageOf(flavour: Flavour, request: RecordedLlmRequest, reply: LlmMessageReply) {
  if (isRawUsage(reply.usage)) return reply.usage.raw;
  return toProviderUsage(flavour, neutralUsage(request, reply.usage, outputChars(reply)));
}

/** A Chat Completions answer, as one `chat.completion` or as `chat.completion.chunk` SSE frames. */
export function renderChatCompletion(
  flavour: Flavour,
  request: RecordedLlmRequest,
  reply: LlmMessageReply,
  context: RenderContext,
  headers: Record<string, string>,
): Rendered {
  const id = context.ids.next('chatcmpl-');
  const created = Math.floor(Date.now() / 1000);
  const model = request.model ?? 'unknown';
  const calls = (reply.toolCalls ?? []).map((call) => ({ id: call.id ?? context.ids.next('call_'), call }));
  const refusal = reply.stopReason === 'refusal';
  if (!request.stream) {
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: refusal ? null : (reply.text ?? null),
      refusal: refusal ? (reply.text ?? '') : null,
      annotations: [],
    };
    if (calls.length > 0) {
      message.tool_calls = calls.map(({ id: callId, call }) => ({
        id: callId,
        type: 'function',
        function: { name: call.name, arguments: argumentsJson(call) },
      }));
    }
    if (flavour === 'xai' && reply.reasoning !== undefined) message.reasoning_content = reply.reasoning;
    return jsonBody(
      200,
      {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message, finish_reason: finishReason(reply), logprobs: null }],
        usage: usageOf(flavour, request, reply),
        service_tier: reply.serviceTier ?? 'default',
        system_fingerprint: null,
      },
      headers,
    );
  }

  const body = (request.body ?? {}) as { stream_options?: { include_usage?: boolean } };
  const includeUsage = body.stream_options?.include_usage === true;
  const chunk = (delta: Record<string, unknown>, finish: string | null): SseFrame =>
    frame({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const frames: SseFrame[] = [chunk({ role: 'assistant', content: '', refusal: null }, null)];
  if (flavour === 'xai' && reply.reasoning) frames.push(chunk({ reasoning_content: reply.reasoning }, null));
  for (const piece of textChunks(reply)) frames.push(chunk(refusal ? { refusal: piece } : { content: piece }, null));
  for (const [index, { id: callId, call }] of calls.entries()) {
    const args = argumentsJson(call);
    const half = Math.floor(args.length / 2);
    frames.push(
      chunk({ tool_calls: [{ index, id: callId, type: 'function', function: { name: call.name, arguments: '' } }] }, null),
      chunk({ tool_calls: [{ index, function: { arguments: args.slice(0, half) } }] }, null),
      chunk({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] }, null),
    );
  }
  frames.push(chunk({}, finishReason(reply)));
  if (includeUsage) {
    frames.push(
      frame({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [],
        usage: usageOf(flavour, request, reply),
        service_tier: reply.serviceTier ?? 'default',
      }),
    );
  }
  frames.push({ data: '[DONE]' });
  return sseStream(frames, headers);
}
