import type { LlmErrorReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';

type Body = Record<string, unknown>;

/** Models that reject sampling parameters even on API version 2023-06-01. */
function rejectsSampling(model: string): boolean {
  return /^claude-(opus-4-[7-9]|opus-[5-9]|sonnet-[5-9]|fable-[5-9]|mythos)/.test(model);
}

function invalid(message: string): LlmErrorReply {
  return { kind: 'error', reason: 'invalid_request', message };
}

/** The 400 the Messages API answers for `request`, if any. */
export function validateAnthropic(request: RecordedLlmRequest): LlmErrorReply | undefined {
  const body = (request.body ?? {}) as Body;
  if (typeof body.model !== 'string') return invalid('model: Field required');
  if (!Array.isArray(body.messages)) return invalid('messages: Field required');
  if (request.operation === 'messages.count_tokens') return undefined;
  if (typeof body.max_tokens !== 'number') return invalid('max_tokens: Field required');
  const legacyVersion = request.headers['anthropic-version'] === '2023-06-01';
  for (const param of ['temperature', 'top_p', 'top_k']) {
    if (body[param] === undefined) continue;
    if (!legacyVersion) return invalid(`${param}: Extra inputs are not permitted`);
    if (rejectsSampling(body.model)) return invalid(`\`${param}\` is deprecated for this model.`);
  }
  const tools = Array.isArray(body.tools) ? (body.tools as Body[]) : [];
  for (const [i, tool] of tools.entries()) {
    const custom = tool.type === undefined || tool.type === 'custom';
    if (custom && (tool.input_schema === undefined || tool.input_schema === null)) {
      return invalid(`tools.${i}.custom.input_schema: Field required`);
    }
  }
  const choice = (body.tool_choice as Body | undefined)?.type;
  const thinking = (body.thinking as Body | undefined)?.type;
  if ((choice === 'any' || choice === 'tool') && (thinking === 'enabled' || thinking === 'adaptive')) {
    return invalid('Thinking may not be enabled when tool_choice forces tool use.');
  }
  const format = (body.output_config as Body | undefined)?.format as Body | undefined;
  if (format?.type === 'json_schema' && !objectsClosed(format.schema)) {
    return invalid("output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to false");
  }
  return undefined;
}

function objectsClosed(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return true;
  const node = schema as Body;
  if ((node.type === 'object' || node.properties !== undefined) && node.additionalProperties !== false) return false;
  const children: unknown[] = [
    ...Object.values((node.properties as Body | undefined) ?? {}),
    node.items,
    ...(Array.isArray(node.anyOf) ? node.anyOf : []),
    ...Object.values((node.$defs as Body | undefined) ?? {}),
  ];
  return children.every(objectsClosed);
}
