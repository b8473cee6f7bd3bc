import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { LlmMessage } from '../../types/messages.js';

/**
 * Provider-neutral turns → Anthropic messages. System turns join the top-level system prompt; an
 * assistant turn that came from Anthropic is replayed with its original blocks (thinking signatures
 * included); consecutive tool results travel together in one user message, before any text.
 */
export function toAnthropicMessages(system: string | undefined, messages: readonly LlmMessage[]): { system: string | undefined; messages: MessageParam[] } {
  const systemParts = system ? [system] : [];
  const out: MessageParam[] = [];
  const pushUserBlocks = (blocks: ContentBlockParam[]): void => {
    const last = out[out.length - 1];
    if (last?.role === 'user' && Array.isArray(last.content)) last.content.push(...blocks);
    else out.push({ role: 'user', content: blocks });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        systemParts.push(message.content);
        break;
      case 'user':
        pushUserBlocks([{ type: 'text', text: message.content }]);
        break;
      case 'assistant': {
        if (message.providerData?.provider === 'anthropic' && Array.isArray(message.providerData.content)) {
          out.push({ role: 'assistant', content: message.providerData.content as ContentBlockParam[] });
          break;
        }
        const blocks: ContentBlockParam[] = [];
        if (message.content) blocks.push({ type: 'text', text: message.content });
        for (const call of message.toolCalls ?? []) {
          blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: (call.arguments ?? {}) as Record<string, unknown> });
        }
        out.push({ role: 'assistant', content: blocks.length > 0 ? blocks : '' });
        break;
      }
      case 'tool':
        pushUserBlocks([{ type: 'tool_result', tool_use_id: message.toolCallId, content: message.content, ...(message.isError ? { is_error: true } : {}) }]);
        break;
    }
  }
  return { system: systemParts.length > 0 ? systemParts.join('\n\n') : undefined, messages: out };
}
