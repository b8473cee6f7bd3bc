import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ModelCapabilities } from '../../capabilities/model-capabilities.js';
import type { LlmMessage } from '../../types/messages.js';

/** Provider-neutral turns → Chat Completions messages (system as `developer` for reasoning models). */
export function toOpenAiMessages(system: string | undefined, messages: readonly LlmMessage[], caps: ModelCapabilities): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  const systemRole = caps.systemRole;
  if (system) out.push({ role: systemRole, content: system });
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        out.push({ role: systemRole, content: message.content });
        break;
      case 'user':
        out.push({ role: 'user', content: message.content });
        break;
      case 'assistant':
        out.push({
          role: 'assistant',
          content: message.content === '' && message.toolCalls?.length ? null : message.content,
          ...(message.toolCalls?.length
            ? {
                tool_calls: message.toolCalls.map((call) => ({
                  id: call.id,
                  type: 'function' as const,
                  function: { name: call.name, arguments: call.rawArguments },
                })),
              }
            : {}),
        });
        break;
      case 'tool':
        out.push({ role: 'tool', tool_call_id: message.toolCallId, content: message.content });
        break;
    }
  }
  return out;
}
