import type { LlmReply } from '../replies.js';
import type { LlmModelScript, LlmScriptHandler, RecordedLlmRequest } from '../types.js';

/** The scripted state of one emulator: queues, per-model rules and a handler. */
export interface ReplyScript {
  enqueue(replies: LlmReply[]): void;
  model(id: string): LlmModelScript;
  setHandler(handler: LlmScriptHandler | undefined): void;
  /** The scripted reply for `request`, or undefined to use the default responder. */
  next(request: RecordedLlmRequest): Promise<LlmReply | undefined>;
  reset(): void;
}

export function createReplyScript(): ReplyScript {
  const queue: LlmReply[] = [];
  const modelQueues = new Map<string, LlmReply[]>();
  const modelAlways = new Map<string, LlmReply>();
  let handler: LlmScriptHandler | undefined;

  return {
    enqueue(replies) {
      queue.push(...replies);
    },
    model(id) {
      return {
        enqueue(...replies) {
          const existing = modelQueues.get(id);
          if (existing) existing.push(...replies);
          else modelQueues.set(id, [...replies]);
        },
        always(reply) {
          if (reply === undefined) modelAlways.delete(id);
          else modelAlways.set(id, reply);
        },
      };
    },
    setHandler(next) {
      handler = next;
    },
    async next(request) {
      if (request.model !== undefined) {
        const always = modelAlways.get(request.model);
        if (always) return always;
        const scoped = modelQueues.get(request.model)?.shift();
        if (scoped) return scoped;
      }
      const queued = queue.shift();
      if (queued) return queued;
      return handler ? await handler(request) : undefined;
    },
    reset() {
      queue.length = 0;
      modelQueues.clear();
      modelAlways.clear();
      handler = undefined;
    },
  };
}
