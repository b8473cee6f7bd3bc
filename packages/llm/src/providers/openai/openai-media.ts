import { toFile, type OpenAI } from 'openai';
import type { MediaAdapter } from '../../media/media-types.js';
import { usageOf } from '../../types/usage.js';

/** Bytes per second of 24 kHz 16-bit mono PCM, OpenAI's `pcm` and `wav` speech output. */
const PCM_BYTES_PER_SECOND = 48_000;
/** Used only to estimate compressed speech length (flagged as estimated). */
const COMPRESSED_BYTES_PER_SECOND = 16_000;

async function httpError(response: Response): Promise<Error> {
  const text = await response.text().catch(() => '');
  return Object.assign(new Error(text || response.statusText), { status: response.status, headers: response.headers });
}

/**
 * Images, speech and transcription through the openai SDK (OpenAI), and xAI's images plus its own
 * `/tts` and `/stt` endpoints (called with fetch: the SDK has no methods for them).
 */
export function createOpenAiMedia(client: OpenAI, flavour: 'openai' | 'xai', apiKey: string): MediaAdapter {
  const base = client.baseURL.replace(/\/$/, '');
  return {
    async generateImage(model, request, signal) {
      const isGpt = model.startsWith('gpt-image') || model.startsWith('chatgpt-image');
      const body: Record<string, unknown> = { model, prompt: request.prompt, n: request.n ?? 1 };
      if (request.size) body.size = request.size;
      if (request.quality) body.quality = request.quality;
      if (flavour === 'xai' && request.aspectRatio) body.aspect_ratio = request.aspectRatio;
      if (!isGpt && request.responseFormat) body.response_format = request.responseFormat;
      // The body carries what the SDK's types do not list (xAI's `aspect_ratio`, sizes and qualities as free text the
      // provider validates), so it is typed as the SDK's request here, at the one call that sends it.
      const response = (await client.images.generate(body as unknown as OpenAI.Images.ImageGenerateParamsNonStreaming, { signal })) as unknown as {
        data?: Array<{ b64_json?: string; url?: string; revised_prompt?: string }>;
        usage?: { input_tokens?: number; output_tokens?: number; input_tokens_details?: { text_tokens?: number; image_tokens?: number } };
        output_format?: string;
      };
      const images = (response.data ?? []).map((d) => ({
        ...(d.b64_json ? { b64: d.b64_json } : {}),
        ...(d.url ? { url: d.url } : {}),
        ...(d.revised_prompt ? { revisedPrompt: d.revised_prompt } : {}),
        mimeType: `image/${response.output_format ?? 'png'}`,
      }));
      const u = response.usage;
      const imageIn = u?.input_tokens_details?.image_tokens ?? 0;
      return {
        value: images,
        usage: usageOf({
          inputTokens: u ? (u.input_tokens_details?.text_tokens ?? (u.input_tokens ?? 0) - imageIn) : 0,
          inputImageTokens: imageIn,
          outputImageTokens: u?.output_tokens ?? 0,
          images: images.length,
        }),
        rawUsage: u ?? null,
        units: images.length,
      };
    },

    async speech(model, request, signal) {
      if (flavour === 'xai') {
        const response = await fetch(`${base}/tts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: request.text, ...(request.voice ? { voice_id: request.voice } : {}) }),
          signal,
        });
        if (!response.ok) throw await httpError(response);
        const audio = new Uint8Array(await response.arrayBuffer());
        const characters = request.text.length;
        return {
          value: { audio, mimeType: response.headers.get('content-type') ?? 'audio/mpeg', durationSeconds: undefined },
          usage: usageOf({ characters }),
          rawUsage: null,
          units: characters,
          recordAs: 'tts',
        };
      }
      const format = request.format ?? 'mp3';
      const response = await client.audio.speech.create(
        {
          model,
          input: request.text,
          voice: request.voice ?? 'alloy',
          // A format the SDK does not list is sent as given; the provider answers 400, mapped like any other.
          response_format: format as OpenAI.Audio.SpeechCreateParams['response_format'],
          ...(request.instructions && !model.startsWith('tts-1') ? { instructions: request.instructions } : {}),
        },
        { signal },
      );
      const audio = new Uint8Array(await response.arrayBuffer());
      const exact = format === 'pcm' || format === 'wav';
      const durationSeconds =
        Math.round(
          (exact ? Math.max(0, audio.length - (format === 'wav' ? 44 : 0)) / PCM_BYTES_PER_SECOND : audio.length / COMPRESSED_BYTES_PER_SECOND) * 1000,
        ) / 1000;
      const characters = request.text.length;
      // No usage object: tts-1* bill input characters; gpt-4o-mini-tts bills text tokens and audio seconds.
      const perCharacter = model.startsWith('tts-1');
      return {
        value: { audio, mimeType: response.headers.get('content-type') ?? `audio/${format}`, durationSeconds },
        usage: perCharacter ? usageOf({ characters }) : usageOf({ inputTokens: Math.ceil(characters / 4), outputSeconds: durationSeconds }),
        rawUsage: null,
        units: perCharacter ? characters : durationSeconds,
        metadata: { usageEstimated: !perCharacter, ...(perCharacter ? {} : { durationExact: exact }) },
      };
    },

    async transcribe(model, request, signal) {
      const filename = request.filename ?? 'audio.mp3';
      const mimeType = request.mimeType ?? 'audio/mpeg';
      if (flavour === 'xai') {
        const form = new FormData();
        if (request.language) form.append('language', request.language);
        form.append('file', new Blob([request.audio], { type: mimeType }), filename);
        const response = await fetch(`${base}/stt`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` }, body: form, signal });
        if (!response.ok) throw await httpError(response);
        const body = (await response.json()) as { text?: string; duration?: number };
        return {
          value: body.text ?? '',
          usage: usageOf({ inputSeconds: body.duration ?? 0 }),
          rawUsage: { duration: body.duration },
          units: body.duration,
          recordAs: 'stt',
        };
      }
      const file = await toFile(request.audio, filename, { type: mimeType });
      const response = (await client.audio.transcriptions.create(
        { file, model, ...(request.language ? { language: request.language } : {}), ...(request.prompt ? { prompt: request.prompt } : {}) },
        { signal },
      )) as unknown as {
        text: string;
        usage?:
          | { type: 'tokens'; input_tokens?: number; output_tokens?: number; input_token_details?: { audio_tokens?: number; text_tokens?: number } }
          | { type: 'duration'; seconds: number };
      };
      const u = response.usage;
      const usage =
        u?.type === 'duration'
          ? usageOf({ inputSeconds: u.seconds })
          : usageOf({
              inputAudioTokens: u?.input_token_details?.audio_tokens ?? (u?.input_token_details ? 0 : (u?.input_tokens ?? 0)),
              inputTokens: u?.input_token_details?.text_tokens ?? 0,
              outputTokens: u?.output_tokens ?? 0,
            });
      return { value: response.text, usage, rawUsage: u ?? null, units: u?.type === 'duration' ? u.seconds : undefined };
    },
  };
}
