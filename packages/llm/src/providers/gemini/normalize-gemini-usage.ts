import { usageOf, type UsageBuckets } from '../../types/usage.js';

interface ModalityCount {
  modality?: string;
  tokenCount?: number;
}

/** Gemini `usageMetadata`. */
export interface GeminiUsageFields {
  promptTokenCount?: number;
  cachedContentTokenCount?: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  toolUsePromptTokenCount?: number;
  promptTokensDetails?: ModalityCount[];
  candidatesTokensDetails?: ModalityCount[];
}

const n = (value: number | undefined | null): number => (typeof value === 'number' && value > 0 ? value : 0);

function modality(details: ModalityCount[] | undefined, name: string): number {
  return (details ?? []).filter((d) => d.modality === name).reduce((sum, d) => sum + n(d.tokenCount), 0);
}

/**
 * Gemini: `promptTokenCount` includes `cachedContentTokenCount`; `candidatesTokenCount` EXCLUDES
 * `thoughtsTokenCount` (billed at the output rate, added here); `toolUsePromptTokenCount` is extra input.
 * Image and audio modalities are split out of the counts so they get their own prices.
 */
export function normalizeGeminiUsage(usage: GeminiUsageFields | null | undefined): UsageBuckets {
  if (!usage) return usageOf({});
  const prompt = n(usage.promptTokenCount);
  const cached = Math.min(n(usage.cachedContentTokenCount), prompt);
  const audioIn = Math.min(modality(usage.promptTokensDetails, 'AUDIO'), prompt - cached);
  const candidates = n(usage.candidatesTokenCount);
  const imageOut = Math.min(modality(usage.candidatesTokensDetails, 'IMAGE'), candidates);
  const audioOut = Math.min(modality(usage.candidatesTokensDetails, 'AUDIO'), candidates - imageOut);
  return usageOf({
    inputTokens: prompt - cached - audioIn + n(usage.toolUsePromptTokenCount),
    cacheReadTokens: cached,
    inputAudioTokens: audioIn,
    outputTokens: candidates - imageOut - audioOut,
    outputImageTokens: imageOut,
    outputAudioTokens: audioOut,
    reasoningTokens: n(usage.thoughtsTokenCount),
  });
}
