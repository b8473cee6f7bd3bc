import type { GoogleGenAI } from '@google/genai';
import type { MediaAdapter } from '../../media/media-types.js';
import { normalizeGeminiUsage, type GeminiUsageFields } from './normalize-gemini-usage.js';

/** Images, speech and transcription through Gemini `generateContent` with the matching model. */
export function createGeminiMedia(client: GoogleGenAI): MediaAdapter {
  return {
    async generateImage(model, request, signal) {
      const response = await client.models.generateContent({
        model,
        contents: request.prompt,
        config: {
          abortSignal: signal,
          responseModalities: ['TEXT', 'IMAGE'],
          ...(request.aspectRatio ? { imageConfig: { aspectRatio: request.aspectRatio } } : {}),
        },
      });
      const images = (response.candidates?.[0]?.content?.parts ?? [])
        .filter((part) => part.inlineData?.data)
        .map((part) => ({ b64: part.inlineData!.data!, mimeType: part.inlineData!.mimeType ?? 'image/png' }));
      const usage = normalizeGeminiUsage(response.usageMetadata as GeminiUsageFields | undefined);
      return { value: images, usage: { ...usage, images: images.length }, rawUsage: response.usageMetadata ?? null, units: images.length };
    },

    async speech(model, request, signal) {
      const response = await client.models.generateContent({
        model,
        contents: request.text,
        config: {
          abortSignal: signal,
          responseModalities: ['AUDIO'],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: request.voice ?? 'Kore' } } },
        },
      });
      const part = response.candidates?.[0]?.content?.parts?.find((p) => p.inlineData?.data);
      const audio = new Uint8Array(Buffer.from(part?.inlineData?.data ?? '', 'base64'));
      const mimeType = part?.inlineData?.mimeType ?? 'audio/L16;rate=24000';
      // Headerless 16-bit mono PCM: the rate in the mime type gives the exact length.
      const rate = Number(/rate=(\d+)/.exec(mimeType)?.[1] ?? 24_000);
      const durationSeconds = Math.round((audio.length / (rate * 2)) * 1000) / 1000;
      return {
        value: { audio, mimeType, durationSeconds },
        usage: normalizeGeminiUsage(response.usageMetadata as GeminiUsageFields | undefined),
        rawUsage: response.usageMetadata ?? null,
        units: durationSeconds,
      };
    },

    async transcribe(model, request, signal) {
      const response = await client.models.generateContent({
        model,
        contents: [
          {
            role: 'user',
            parts: [
              { text: request.prompt ?? 'Transcribe this audio verbatim. Reply with the transcription only.' },
              { inlineData: { mimeType: request.mimeType ?? 'audio/mpeg', data: Buffer.from(request.audio).toString('base64') } },
            ],
          },
        ],
        config: { abortSignal: signal },
      });
      return {
        value: response.text ?? '',
        usage: normalizeGeminiUsage(response.usageMetadata as GeminiUsageFields | undefined),
        rawUsage: response.usageMetadata ?? null,
        units: undefined,
      };
    },
  };
}
