import { audioContentType, ONE_PIXEL_PNG_BASE64 } from '../../core/media.js';
import { isMultipart } from '../../core/read-request.js';
import { frame, jsonBody, sseStream, type Rendered } from '../../core/rendered.js';
import type { LlmImageReply, LlmSpeechReply, LlmTranscriptionReply } from '../../replies.js';
import type { RecordedLlmRequest } from '../../types.js';
import { estimateTokens, isRawUsage, resolveUsage, toProviderUsage } from '../../usage.js';
import type { RenderContext } from '../provider-adapter.js';

type Flavour = 'openai' | 'xai';

/** Request fields of a JSON or multipart body as plain values. */
export function fieldsOf(body: unknown): Record<string, unknown> {
  if (isMultipart(body)) return body.fields;
  return (body ?? {}) as Record<string, unknown>;
}

/** `/images/generations` and `/images/edits`: base64 (GPT image models always), or URLs the emulator serves. */
export function renderImages(
  flavour: Flavour,
  request: RecordedLlmRequest,
  reply: LlmImageReply,
  context: RenderContext,
  headers: Record<string, string>,
): Rendered {
  const fields = fieldsOf(request.body);
  const model = request.model ?? (flavour === 'xai' ? 'grok-imagine-image' : 'gpt-image-2');
  const gptImage = model.startsWith('gpt-image') || model.startsWith('chatgpt-image');
  // xAI defaults to URLs; GPT image models only return base64.
  const wantsUrl = !gptImage && (fields.response_format === 'url' || (flavour === 'xai' && fields.response_format === undefined));
  const data = reply.images.map((image) => {
    const b64 = image.b64 ?? ONE_PIXEL_PNG_BASE64;
    const entry: Record<string, unknown> = {};
    if (wantsUrl) {
      const mime = image.mimeType ?? 'image/png';
      entry.url = image.url ?? context.files.put(Buffer.from(b64, 'base64'), mime, mime.split('/')[1] ?? 'png');
    } else {
      entry.b64_json = b64;
    }
    if (image.revisedPrompt !== undefined) entry.revised_prompt = image.revisedPrompt;
    return entry;
  });
  const promptChars = typeof fields.prompt === 'string' ? fields.prompt.length : 0;
  const usage = isRawUsage(reply.usage)
    ? reply.usage.raw
    : toProviderUsage(flavour, resolveUsage(reply.usage, { input: estimateTokens(promptChars), output: 1056 * data.length }), 'images');
  const created = Math.floor(Date.now() / 1000);
  if (!gptImage) return jsonBody(200, { created, data }, headers);
  const meta = {
    background: fields.background ?? 'opaque',
    output_format: fields.output_format ?? 'png',
    quality: fields.quality ?? 'medium',
    size: fields.size ?? '1024x1024',
  };
  if (fields.stream === true || fields.stream === 'true') {
    const prefix = request.operation === 'images.edits' ? 'image_edit' : 'image_generation';
    const frames = data.map((entry, index) =>
      frame({ type: `${prefix}.partial_image`, b64_json: entry.b64_json, partial_image_index: index, created_at: created, ...meta }, `${prefix}.partial_image`),
    );
    const last = data.at(-1);
    frames.push(frame({ type: `${prefix}.completed`, b64_json: last?.b64_json, created_at: created, ...meta, usage }, `${prefix}.completed`));
    return sseStream(frames, headers);
  }
  return jsonBody(200, { created, data, ...meta, usage }, headers);
}

/** `/audio/speech` and xAI `/tts`: the raw audio bytes. */
export function renderSpeech(request: RecordedLlmRequest, reply: LlmSpeechReply, headers: Record<string, string>): Rendered {
  const fields = fieldsOf(request.body);
  const codec = (fields.output_format as { codec?: string } | undefined)?.codec;
  const format = request.operation === 'tts' ? codec : (fields.response_format as string | undefined);
  return {
    type: 'body',
    status: 200,
    headers: { ...headers, 'content-type': reply.contentType ?? audioContentType(format) },
    body: reply.audio,
  };
}

/** `/audio/transcriptions` (json, text, verbose_json, srt, vtt) and xAI `/stt`. */
export function renderTranscription(request: RecordedLlmRequest, reply: LlmTranscriptionReply, headers: Record<string, string>): Rendered {
  const fields = fieldsOf(request.body);
  const duration = reply.durationSeconds ?? 1;
  const language = reply.language ?? 'en';
  if (request.operation === 'stt') {
    return jsonBody(200, { text: reply.text, language, duration, words: [] }, headers);
  }
  const model = request.model ?? 'whisper-1';
  let usage: Record<string, unknown>;
  if (isRawUsage(reply.usage)) usage = reply.usage.raw;
  else if (model.startsWith('whisper')) usage = { type: 'duration', seconds: Math.ceil(duration) };
  else {
    const u = resolveUsage(reply.usage, { input: Math.ceil(duration * 10), output: estimateTokens(reply.text.length) });
    usage = {
      type: 'tokens',
      input_tokens: u.input,
      input_token_details: { audio_tokens: u.input, text_tokens: 0 },
      output_tokens: u.output,
      total_tokens: u.input + u.output,
    };
  }
  switch (fields.response_format) {
    case 'text':
      return { type: 'body', status: 200, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }, body: reply.text };
    case 'srt':
      return {
        type: 'body',
        status: 200,
        headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
        body: `1\n00:00:00,000 --> 00:00:0${Math.min(9, Math.ceil(duration))},000\n${reply.text}\n`,
      };
    case 'vtt':
      return {
        type: 'body',
        status: 200,
        headers: { ...headers, 'content-type': 'text/vtt; charset=utf-8' },
        body: `WEBVTT\n\n00:00:00.000 --> 00:00:0${Math.min(9, Math.ceil(duration))}.000\n${reply.text}\n`,
      };
    case 'verbose_json':
      return jsonBody(
        200,
        {
          task: 'transcribe',
          language,
          duration,
          text: reply.text,
          segments: [
            { id: 0, seek: 0, start: 0, end: duration, text: reply.text, tokens: [], temperature: 0, avg_logprob: 0, compression_ratio: 1, no_speech_prob: 0 },
          ],
          usage,
        },
        headers,
      );
    default:
      return jsonBody(200, { text: reply.text, usage }, headers);
  }
}
