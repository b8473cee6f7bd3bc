import type { LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

/** xAI reasoning models: grok-4.5, grok-4.3, `*-reasoning` ids and the multi-agent model. */
function isXaiReasoningModel(model: string): boolean {
  if (model.includes('non-reasoning')) return false;
  return /^grok-4\.(5|3)\b/.test(model) || model.includes('-reasoning') || model.includes('multi-agent') || model === 'grok-latest';
}

/** The 400 xAI answers for `request`, if any. */
export function validateXai(request: RecordedLlmRequest): LlmErrorReply | undefined {
  if (request.operation !== 'chat.completions' && request.operation !== 'responses') return undefined;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const model = request.model;
  if (model === undefined) return { kind: 'error', reason: 'invalid_request', message: 'Missing model.', param: 'model' };
  if (isXaiReasoningModel(model)) {
    for (const param of ['presence_penalty', 'frequency_penalty', 'stop']) {
      if (body[param] !== undefined && body[param] !== null) {
        return { kind: 'error', reason: 'invalid_request', message: `Model ${model} does not support parameter ${param}.`, param };
      }
    }
  }
  const effort = body.reasoning_effort ?? (body.reasoning as { effort?: unknown } | undefined)?.effort;
  if (model.startsWith('grok-4.20') && effort !== undefined) {
    return { kind: 'error', reason: 'invalid_request', message: 'Model does not support parameter reasoningEffort.', param: 'reasoning_effort' };
  }
  return undefined;
}
