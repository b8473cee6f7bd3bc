import type { LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import { strictSchemaProblem } from '../shared/strict-schema.js';

type Body = Record<string, unknown>;

/** OpenAI reasoning models: o-series and the gpt-5+ family except `*-chat*`. */
function isOpenAiReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (/^gpt-([5-9]|\d\d)/.test(model) && !model.includes('-chat'));
}

/** GPT-5.1 and later accept `reasoning_effort: 'none'`, which re-enables sampling parameters. */
function supportsNoneEffort(model: string): boolean {
  return /^gpt-5\.\d/.test(model) || /^gpt-([6-9]|\d\d)/.test(model);
}

function invalid(message: string, param: string | undefined, code: string): LlmErrorReply {
  return param === undefined ? { kind: 'error', reason: 'invalid_request', message, code } : { kind: 'error', reason: 'invalid_request', message, param, code };
}

/** The 400 OpenAI answers for `request`, if any. */
export function validateOpenAi(request: RecordedLlmRequest): LlmErrorReply | undefined {
  const body = (request.body ?? {}) as Body;
  switch (request.operation) {
    case 'chat.completions':
      return validateChat(body);
    case 'responses':
      return validateResponses(body);
    case 'images.generations':
    case 'images.edits':
      return validateImages(body, request);
    default:
      return undefined;
  }
}

function validateSampling(body: Body, model: string, effort: unknown): LlmErrorReply | undefined {
  if (!isOpenAiReasoningModel(model)) return undefined;
  const temperature = body.temperature;
  const noneEffort = effort === 'none' && supportsNoneEffort(model);
  if (temperature !== undefined && temperature !== null && temperature !== 1 && !noneEffort) {
    return invalid(
      `Unsupported value: 'temperature' does not support ${String(temperature)} with this model. Only the default (1) value is supported.`,
      'temperature',
      'unsupported_value',
    );
  }
  return undefined;
}

function validateChat(body: Body): LlmErrorReply | undefined {
  const model = body.model;
  if (typeof model !== 'string' || model === '') return invalid('you must provide a model parameter', 'model', 'missing_required_parameter');
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return invalid("[] is too short - 'messages'", 'messages', 'empty_array');
  }
  if (isOpenAiReasoningModel(model) && body.max_tokens !== undefined && body.max_tokens !== null) {
    return invalid(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  }
  const sampling = validateSampling(body, model, body.reasoning_effort);
  if (sampling) return sampling;
  const tools = Array.isArray(body.tools) ? (body.tools as Body[]) : [];
  for (const [i, tool] of tools.entries()) {
    const fn = tool.function as Body | undefined;
    if (typeof fn?.name !== 'string')
      return invalid(`Missing required parameter: 'tools[${i}].function.name'.`, `tools[${i}].function.name`, 'missing_required_parameter');
    const problem = fn.strict === true ? strictSchemaProblem(fn.parameters) : undefined;
    if (problem) return invalid(`Invalid schema for function '${fn.name}': ${problem}`, `tools[${i}].function.parameters`, 'invalid_function_parameters');
  }
  const format = body.response_format as Body | undefined;
  if (format?.type === 'json_schema') {
    const spec = format.json_schema as Body | undefined;
    if (typeof spec?.name !== 'string')
      return invalid("Missing required parameter: 'response_format.json_schema.name'.", 'response_format.json_schema.name', 'missing_required_parameter');
    const problem = spec.strict === true ? strictSchemaProblem(spec.schema) : undefined;
    if (problem) return invalid(`Invalid schema for response_format '${spec.name}': ${problem}`, 'response_format', 'invalid_json_schema');
  }
  return undefined;
}

function validateResponses(body: Body): LlmErrorReply | undefined {
  const model = body.model;
  if (typeof model !== 'string' || model === '') return invalid('you must provide a model parameter', 'model', 'missing_required_parameter');
  const reasoning = body.reasoning as Body | undefined;
  const sampling = validateSampling(body, model, reasoning?.effort);
  if (sampling) return sampling;
  const tools = Array.isArray(body.tools) ? (body.tools as Body[]) : [];
  for (const [i, tool] of tools.entries()) {
    if (tool.type !== 'function') continue;
    if (typeof tool.name !== 'string') return invalid(`Missing required parameter: 'tools[${i}].name'.`, `tools[${i}].name`, 'missing_required_parameter');
    const problem = tool.strict === true ? strictSchemaProblem(tool.parameters) : undefined;
    if (problem) return invalid(`Invalid schema for function '${tool.name}': ${problem}`, `tools[${i}].parameters`, 'invalid_function_parameters');
  }
  const format = (body.text as Body | undefined)?.format as Body | undefined;
  if (format?.type === 'json_schema') {
    const problem = format.strict === true ? strictSchemaProblem(format.schema) : undefined;
    if (problem) return invalid(`Invalid schema for response_format '${String(format.name)}': ${problem}`, 'text.format.schema', 'invalid_json_schema');
  }
  return undefined;
}

function validateImages(body: Body, request: RecordedLlmRequest): LlmErrorReply | undefined {
  const model = request.model ?? 'gpt-image-2';
  if (model.startsWith('dall-e')) {
    return { kind: 'error', reason: 'not_found', message: `The model '${model}' has been deprecated.`, code: 'model_not_found' };
  }
  if (model.startsWith('gpt-image') && 'response_format' in body) {
    return invalid("Unknown parameter: 'response_format'.", 'response_format', 'unknown_parameter');
  }
  return undefined;
}
