import { BaselineError } from '@baseline/core/errors';
import { TESTING_ERROR_CODES } from '../../../testing-error-codes.js';
import type { LlmReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

/** A scripted reply that cannot answer the route it was given to: a bug in the test's script. */
export function replyMismatch(request: RecordedLlmRequest, reply: LlmReply): BaselineError {
  return new BaselineError(
    TESTING_ERROR_CODES.llm.replyMismatch,
    `llm emulator: a '${reply.kind}' reply cannot answer ${request.provider} ${request.operation}`,
    {
      details: { provider: request.provider, operation: request.operation, reply: reply.kind },
    },
  );
}
