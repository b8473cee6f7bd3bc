import type { LlmProvider } from '../types/provider-name.js';
import type { MediaAdapter } from './media-types.js';

/** The model a media call uses when it names none (a provider's chat default cannot draw or speak). */
export const DEFAULT_MEDIA_MODELS: Partial<Record<LlmProvider, Partial<Record<keyof MediaAdapter, string>>>> = {
  openai: { generateImage: 'gpt-image-2', speech: 'gpt-4o-mini-tts', transcribe: 'gpt-4o-mini-transcribe' },
  gemini: { generateImage: 'gemini-2.5-flash-image', speech: 'gemini-2.5-flash-preview-tts', transcribe: 'gemini-2.5-flash' },
  // xAI's /tts and /stt take no model; the rows are recorded as "tts" and "stt".
  xai: { generateImage: 'grok-imagine-image', speech: 'tts', transcribe: 'stt' },
};
