import type { LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

type Body = Record<string, unknown>;

function invalid(message: string): LlmErrorReply {
  return { kind: 'error', reason: 'invalid_request', message };
}

/** The 400 the Gemini API answers for `request`, if any. */
export function validateGoogle(request: RecordedLlmRequest): LlmErrorReply | undefined {
  const body = (request.body ?? {}) as Body;
  if (request.operation === 'predict') {
    return Array.isArray(body.instances) ? undefined : invalid('* PredictRequest.instances: instances is not specified');
  }
  if (!Array.isArray(body.contents) || body.contents.length === 0) {
    return invalid('* GenerateContentRequest.contents: contents is not specified');
  }
  const config = (body.generationConfig ?? {}) as Body;
  if (config.responseSchema !== undefined && config.responseJsonSchema !== undefined) {
    return invalid('responseSchema and responseJsonSchema cannot both be set.');
  }
  const hasFunctions = Array.isArray(body.tools) && (body.tools as Body[]).some((tool) => Array.isArray(tool.functionDeclarations));
  if (hasFunctions && config.responseMimeType === 'application/json' && request.model?.startsWith('gemini-2')) {
    return invalid("Function calling with a response mime type: 'application/json' is unsupported");
  }
  return undefined;
}
