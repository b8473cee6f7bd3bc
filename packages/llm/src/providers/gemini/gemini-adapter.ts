import { randomUUID } from 'node:crypto';
import { FunctionCallingConfigMode, GoogleGenAI, ThinkingLevel, type GenerateContentConfig, type GenerateContentResponse } from '@google/genai';
import type { LlmFinishReason, LlmToolCall } from '../../types/messages.js';
import type { ProviderAdapter, ProviderStreamEvent, ProviderTextRequest, ProviderTextResponse } from '../provider-adapter.js';
import { toGeminiContents } from './gemini-contents.js';
import { createGeminiMedia } from './gemini-media.js';
import { normalizeGeminiUsage, type GeminiUsageFields } from './normalize-gemini-usage.js';

/** Connection settings for Gemini. */
export interface GeminiAdapterOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
  /** @default the SDK's (`v1` for @google/genai 3.x) */
  apiVersion?: string;
}

const FINISH: Record<string, LlmFinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
};

const LEVEL: Record<string, ThinkingLevel> = {
  minimal: ThinkingLevel.MINIMAL,
  none: ThinkingLevel.MINIMAL,
  low: ThinkingLevel.LOW,
  medium: ThinkingLevel.MEDIUM,
  high: ThinkingLevel.HIGH,
};

/** Gemini through `@google/genai`; the SDK's own retries stay off (no `retryOptions`). */
export function createGeminiAdapter(options: GeminiAdapterOptions): ProviderAdapter {
  const client = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
      timeout: options.timeoutMs,
    },
  });

  function config(request: ProviderTextRequest): { contents: ReturnType<typeof toGeminiContents>['contents']; config: GenerateContentConfig } {
    const { systemInstruction, contents } = toGeminiContents(request.system, request.messages);
    const { params } = request;
    const out: GenerateContentConfig = { abortSignal: request.signal, automaticContinuation: false, httpOptions: { timeout: request.timeoutMs } };
    if (systemInstruction) out.systemInstruction = systemInstruction;
    if (params.temperature !== undefined) out.temperature = params.temperature;
    if (params.topP !== undefined) out.topP = params.topP;
    if (params.topK !== undefined) out.topK = params.topK;
    if (params.maxTokens !== undefined) out.maxOutputTokens = params.maxTokens;
    if (params.stop?.length) out.stopSequences = params.stop;
    if (params.seed !== undefined) out.seed = params.seed;
    if (params.presencePenalty !== undefined) out.presencePenalty = params.presencePenalty;
    if (params.frequencyPenalty !== undefined) out.frequencyPenalty = params.frequencyPenalty;
    if (params.reasoningEffort !== undefined) out.thinkingConfig = { thinkingLevel: LEVEL[params.reasoningEffort] ?? ThinkingLevel.LOW };
    if (request.tools.length > 0) {
      out.tools = [{ functionDeclarations: request.tools.map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.jsonSchema })) }];
      const choice = request.toolChoice;
      if (choice === 'none') out.toolConfig = { functionCallingConfig: { mode: FunctionCallingConfigMode.NONE } };
      else if (choice === 'required') out.toolConfig = { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } };
      else if (typeof choice === 'object') {
        out.toolConfig = { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: [choice.name] } };
      }
    }
    if (request.responseFormat) {
      out.responseMimeType = 'application/json';
      out.responseJsonSchema = request.responseFormat.schema;
    }
    return { contents, config: out };
  }

  return {
    name: 'gemini',
    media: createGeminiMedia(client),
    async complete(request): Promise<ProviderTextResponse> {
      const response = await client.models.generateContent({ model: request.model, ...config(request) });
      const { text, toolCalls } = readParts(response);
      const candidate = response.candidates?.[0];
      return {
        text,
        toolCalls,
        finishReason: finishOf(candidate?.finishReason, toolCalls, response),
        usage: normalizeGeminiUsage(response.usageMetadata as GeminiUsageFields | undefined),
        rawUsage: response.usageMetadata ?? null,
        serviceTier: servedTier(response),
        providerCost: null,
        responseModel: response.modelVersion,
        providerContent: undefined,
      };
    },
    stream(request) {
      return streamContent(client, request.model, config(request));
    },
  };
}

/**
 * The tier that served the request, from the `x-gemini-service-tier` response header (the Gemini API puts
 * it there, not in `usageMetadata`); the SDK keeps the headers on `sdkHttpResponse`, on every stream chunk too.
 */
function servedTier(response: GenerateContentResponse): string | null {
  return response.sdkHttpResponse?.headers?.['x-gemini-service-tier'] ?? null;
}

function finishOf(reason: string | undefined, toolCalls: LlmToolCall[], response: GenerateContentResponse): LlmFinishReason {
  // Gemini marks a tool call with STOP; the calls themselves tell.
  if (toolCalls.length > 0) return 'tool_calls';
  if (!response.candidates?.length && response.promptFeedback?.blockReason) return 'content_filter';
  return FINISH[reason ?? ''] ?? (reason ? 'other' : 'stop');
}

function readParts(response: GenerateContentResponse): { text: string; toolCalls: LlmToolCall[] } {
  let text = '';
  const toolCalls: LlmToolCall[] = [];
  for (const part of response.candidates?.[0]?.content?.parts ?? []) {
    if (part.thought) continue;
    if (typeof part.text === 'string') text += part.text;
    if (part.functionCall) {
      const args = part.functionCall.args ?? {};
      toolCalls.push({
        id: part.functionCall.id ?? `call_${randomUUID()}`,
        name: part.functionCall.name ?? '',
        arguments: args,
        rawArguments: JSON.stringify(args),
        ...(part.thoughtSignature ? { providerData: { thoughtSignature: part.thoughtSignature } } : {}),
      });
    }
  }
  return { text, toolCalls };
}

async function* streamContent(
  client: GoogleGenAI,
  model: string,
  request: { contents: ReturnType<typeof toGeminiContents>['contents']; config: GenerateContentConfig },
): AsyncGenerator<ProviderStreamEvent> {
  const stream = await client.models.generateContentStream({ model, ...request });
  const toolCalls: LlmToolCall[] = [];
  let reason: string | undefined;
  let last: GenerateContentResponse | undefined;
  let modelVersion: string | undefined;
  for await (const chunk of stream) {
    last = chunk;
    modelVersion ??= chunk.modelVersion;
    const { text, toolCalls: calls } = readParts(chunk);
    if (text) yield { type: 'text', text };
    toolCalls.push(...calls);
    reason = chunk.candidates?.[0]?.finishReason ?? reason;
    // usageMetadata is cumulative on every chunk: the latest replaces the previous.
    if (chunk.usageMetadata) {
      yield {
        type: 'usage',
        usage: normalizeGeminiUsage(chunk.usageMetadata as GeminiUsageFields),
        rawUsage: chunk.usageMetadata,
        serviceTier: servedTier(chunk),
        providerCost: null,
      };
    }
  }
  yield {
    type: 'end',
    finishReason: last ? finishOf(reason, toolCalls, last) : 'other',
    toolCalls,
    responseModel: modelVersion,
    providerContent: undefined,
  };
}
