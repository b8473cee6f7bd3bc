import { ONE_PIXEL_PNG_BASE64 } from '../../core/media.js';
import { frame, jsonBody, sseStream, type Rendered } from '../../core/rendered.js';
import type { LlmImageReply, LlmMessageReply, LlmSpeechReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import { isRawUsage, toProviderUsage } from '../../usage.js';
import type { RenderContext } from '../provider-adapter.js';
import { argumentsObject, neutralUsage, outputChars, textChunks } from '../shared/message-parts.js';

type Part = Record<string, unknown>;

/** Image output tokens per image, as Gemini image models report them. */
const TOKENS_PER_IMAGE = 1290;

function finishReason(reply: { stopReason?: LlmMessageReply['stopReason'] }): string {
  switch (reply.stopReason) {
    case 'length':
      return 'MAX_TOKENS';
    case 'refusal':
    case 'content_filter':
      return 'SAFETY';
    default:
      return 'STOP';
  }
}

/** Parts, usage and finish reason for any reply generateContent can carry. */
function partsOf(request: RecordedLlmRequest, reply: LlmMessageReply | LlmImageReply | LlmSpeechReply, context: RenderContext) {
  const parts: Part[] = [];
  let usage: Record<string, unknown>;
  if (reply.kind === 'message') {
    if (reply.reasoning !== undefined) parts.push({ text: reply.reasoning, thought: true });
    if (reply.text !== undefined) parts.push({ text: reply.text });
    const signed = request.model?.startsWith('gemini-3') ?? false;
    for (const [i, call] of (reply.toolCalls ?? []).entries()) {
      const functionCall = { id: call.id ?? context.ids.next('fc-'), name: call.name, args: argumentsObject(call) };
      // Gemini 3 signs the first call of a turn; clients must echo the signature.
      parts.push(signed && i === 0 ? { functionCall, thoughtSignature: Buffer.from(`sig-${call.name}`).toString('base64') } : { functionCall });
    }
    usage = isRawUsage(reply.usage) ? reply.usage.raw : toProviderUsage('gemini', neutralUsage(request, reply.usage, outputChars(reply)));
  } else if (reply.kind === 'image') {
    if (reply.text !== undefined) parts.push({ text: reply.text });
    for (const image of reply.images) {
      parts.push({ inlineData: { mimeType: image.mimeType ?? 'image/png', data: image.b64 ?? ONE_PIXEL_PNG_BASE64 } });
    }
    usage = mediaUsage(request, reply, 'IMAGE', TOKENS_PER_IMAGE * reply.images.length);
  } else {
    parts.push({ inlineData: { mimeType: reply.contentType ?? 'audio/L16;rate=24000', data: Buffer.from(reply.audio).toString('base64') } });
    usage = mediaUsage(request, reply, 'AUDIO', Math.ceil(reply.audio.length / 1920));
  }
  return { parts, usage, finishReason: finishReason(reply.kind === 'message' ? reply : {}) };
}

function mediaUsage(request: RecordedLlmRequest, reply: LlmImageReply | LlmSpeechReply, modality: string, defaultTokens: number): Record<string, unknown> {
  if (isRawUsage(reply.usage)) return reply.usage.raw;
  const output = reply.usage?.output ?? defaultTokens;
  const base = toProviderUsage('gemini', { ...neutralUsage(request, reply.usage, 0), output });
  return { ...base, candidatesTokensDetails: [{ modality, tokenCount: output }] };
}

/** generateContent as one JSON response, or streamGenerateContent as data-only SSE chunks with cumulative usage. */
export function renderGenerateContent(request: RecordedLlmRequest, reply: LlmMessageReply | LlmImageReply | LlmSpeechReply, context: RenderContext): Rendered {
  const { parts, usage, finishReason: finish } = partsOf(request, reply, context);
  const responseId = context.ids.next('r-');
  const modelVersion = request.model ?? 'unknown';
  // The Gemini API reports the tier that served the request in a header, not in usageMetadata.
  const headers = { 'x-gemini-service-tier': (reply.kind === 'message' ? reply.serviceTier : undefined) ?? 'standard' };
  const response = (chunkParts: Part[], chunkUsage: Record<string, unknown>, last: boolean) => ({
    candidates: [{ content: { role: 'model', parts: chunkParts }, ...(last ? { finishReason: finish } : {}), index: 0 }],
    usageMetadata: chunkUsage,
    modelVersion,
    responseId,
  });
  if (!request.stream) return jsonBody(200, response(parts, usage, true), headers);

  const pieces: Part[][] = [];
  const thought = parts.filter((p) => p.thought === true);
  if (thought.length) pieces.push(thought);
  if (reply.kind === 'message') for (const text of textChunks(reply)) pieces.push([{ text }]);
  const rest = parts.filter((p) => p.thought !== true && (reply.kind !== 'message' || p.text === undefined));
  if (rest.length || pieces.length === 0) pieces.push(rest);
  const candidates = Number(usage.candidatesTokenCount ?? 0);
  const prompt = Number(usage.promptTokenCount ?? 0);
  const frames = pieces.map((chunkParts, i) => {
    const last = i === pieces.length - 1;
    // usageMetadata is a running total; only the last chunk holds the final counts.
    const soFar = Math.round((candidates * (i + 1)) / pieces.length);
    const chunkUsage = last ? usage : { promptTokenCount: prompt, candidatesTokenCount: soFar, totalTokenCount: prompt + soFar };
    return frame(response(chunkParts, chunkUsage, last));
  });
  return sseStream(frames, headers);
}
