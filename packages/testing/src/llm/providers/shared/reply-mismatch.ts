import type { LlmReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

/** A scripted reply that cannot answer the route it was given to: a bug in the test's script. */
export function replyMismatch(request: RecordedLlmRequest, reply: LlmReply): Error {
  return new Error(`llm emulator: a '${reply.kind}' reply cannot answer ${request.provider} ${request.operation}`);
}
