import type { LlmMessageReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import type { SuccessReply } from '../provider-adapter.js';
import { replyMismatch } from './reply-mismatch.js';

/** The reply as a chat message for a chat route: a transcription becomes its text, other media cannot answer. */
export function asMessage(request: RecordedLlmRequest, reply: SuccessReply): LlmMessageReply {
  if (reply.kind === 'message') return reply;
  if (reply.kind === 'transcription') return { kind: 'message', text: reply.text };
  throw replyMismatch(request, reply);
}
