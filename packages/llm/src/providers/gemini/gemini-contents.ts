import type { Content, Part } from '@google/genai';
import type { LlmMessage } from '../../types/messages.js';

/** Gemini 3 checks thought signatures on replayed calls; calls from elsewhere carry this documented placeholder. */
const SKIP_SIGNATURE = 'skip_thought_signature_validator';

/**
 * Provider-neutral turns → Gemini contents (`user` / `model`). System turns go to `systemInstruction`;
 * tool results of one turn are sent together as `functionResponse` parts in a single user turn, with the
 * result under `output` (or `error`).
 */
export function toGeminiContents(system: string | undefined, messages: readonly LlmMessage[]): { systemInstruction: string | undefined; contents: Content[] } {
  const systemParts = system ? [system] : [];
  const contents: Content[] = [];
  const push = (role: 'user' | 'model', parts: Part[], merge: boolean): void => {
    const last = contents[contents.length - 1];
    if (merge && last?.role === role) last.parts = [...(last.parts ?? []), ...parts];
    else contents.push({ role, parts });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        systemParts.push(message.content);
        break;
      case 'user':
        push('user', [{ text: message.content }], false);
        break;
      case 'assistant': {
        const parts: Part[] = [];
        if (message.content) parts.push({ text: message.content });
        for (const call of message.toolCalls ?? []) {
          const signature = call.providerData?.thoughtSignature;
          parts.push({
            functionCall: { id: call.id, name: call.name, args: (call.arguments ?? {}) as Record<string, unknown> },
            thoughtSignature: typeof signature === 'string' ? signature : SKIP_SIGNATURE,
          });
        }
        push('model', parts.length > 0 ? parts : [{ text: '' }], false);
        break;
      }
      case 'tool': {
        let value: unknown = message.content;
        try {
          value = JSON.parse(message.content);
        } catch {
          // plain-text result: sent as a string
        }
        const response = message.isError ? { error: value } : { output: value };
        const last = contents[contents.length - 1];
        const mergeable = last?.role === 'user' && (last.parts ?? []).every((part) => part.functionResponse);
        push('user', [{ functionResponse: { id: message.toolCallId, name: message.name, response } }], mergeable);
        break;
      }
    }
  }
  return { systemInstruction: systemParts.length > 0 ? systemParts.join('\n\n') : undefined, contents };
}
