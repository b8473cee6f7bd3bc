import { textOf } from '../../core/text-of.js';
import type { LlmMessageReply, LlmToolCallSpec, LlmUsageInput } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import { estimateTokens, isRawUsage, resolveUsage, type ResolvedUsage } from '../../usage.js';

/** Tool-call arguments as the JSON string OpenAI-style APIs send. */
export function argumentsJson(call: LlmToolCallSpec): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

/** Tool-call arguments as an object (Anthropic, Gemini); a string that is not JSON becomes `{}`. */
export function argumentsObject(call: LlmToolCallSpec): Record<string, unknown> {
  if (typeof call.arguments !== 'string') return call.arguments;
  try {
    return JSON.parse(call.arguments) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Streamed pieces of a reply's text: the scripted `chunks`, else one per word. */
export function textChunks(reply: LlmMessageReply): string[] {
  if (reply.chunks) return reply.chunks;
  if (!reply.text) return [];
  return reply.text.match(/\s*\S+\s*/g) ?? [reply.text];
}

/** Characters a reply's output is estimated from. */
export function outputChars(reply: { text?: string; toolCalls?: LlmToolCallSpec[] }): number {
  let chars = reply.text?.length ?? 0;
  for (const call of reply.toolCalls ?? []) chars += call.name.length + argumentsJson(call).length;
  return chars;
}

/** Neutral usage for a reply: the scripted spec, completed with estimates from the request and reply text. */
export function neutralUsage(request: RecordedLlmRequest, usage: LlmUsageInput | undefined, outChars: number): ResolvedUsage {
  const spec = isRawUsage(usage) ? undefined : usage;
  return resolveUsage(spec, { input: estimateTokens(textOf(request.body).length), output: estimateTokens(outChars) });
}

/** The text of the last user turn: what the default responder echoes. */
export function lastUserText(turns: unknown): string {
  if (typeof turns === 'string') return turns;
  if (!Array.isArray(turns)) return '';
  for (let i = turns.length - 1; i >= 0; i -= 1) {
    const turn = turns[i] as { role?: unknown } | undefined;
    if (turn && (turn.role === undefined || turn.role === 'user')) return textOf(turn);
  }
  return '';
}

/** The default chat answer: an echo of the last user text. */
export function echoReply(userText: string): LlmMessageReply {
  return { kind: 'message', text: `Echo: ${userText}` };
}
