import { ONE_PIXEL_PNG_BASE64, fakeAudio } from '../../core/media.js';
import { jsonBody } from '../../core/rendered.js';
import { textOf } from '../../core/text-of.js';
import type { LlmOperation } from '../../types.js';
import { estimateTokens } from '../../usage.js';
import type { ProviderAdapter } from '../provider-adapter.js';
import { echoReply, lastUserText } from '../shared/message-parts.js';
import { replyMismatch } from '../shared/reply-mismatch.js';
import { renderGenerateContent } from './generate-content.js';
import { renderGoogleError } from './google-errors.js';
import { validateGoogle } from './google-validate.js';

const ROUTE = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens|predict)$/;

function isImageModel(model: string | undefined): boolean {
  return model !== undefined && (model.includes('-image') || model.startsWith('imagen'));
}

function isTtsModel(model: string | undefined): boolean {
  return model !== undefined && model.endsWith('-tts');
}

/** The Gemini API (`{v1,v1beta}/models/{model}:generateContent` and friends). */
export function createGoogleAdapter(): ProviderAdapter {
  return {
    provider: 'gemini',
    basePath: '',
    route(method, path) {
      const match = method === 'POST' ? ROUTE.exec(path) : null;
      if (!match) return undefined;
      return { operation: match[3] as LlmOperation, model: decodeURIComponent(match[2] ?? '') };
    },
    credential(headers, query) {
      return headers['x-goog-api-key'] ?? query.key;
    },
    inspect(match) {
      return { model: match.model, stream: match.operation === 'streamGenerateContent' };
    },
    validate: validateGoogle,
    defaultReply(request) {
      const body = (request.body ?? {}) as { contents?: unknown };
      if (request.operation === 'predict' || isImageModel(request.model)) return { kind: 'image', images: [{}] };
      if (isTtsModel(request.model)) return { kind: 'speech', audio: fakeAudio(textOf(body.contents)) };
      return echoReply(lastUserText(body.contents));
    },
    render(request, reply, context) {
      if (request.operation === 'countTokens') {
        return jsonBody(200, { totalTokens: estimateTokens(textOf(request.body).length) });
      }
      if (request.operation === 'predict') {
        if (reply.kind !== 'image') throw replyMismatch(request, reply);
        return jsonBody(200, {
          predictions: reply.images.map((image) => ({
            bytesBase64Encoded: image.b64 ?? ONE_PIXEL_PNG_BASE64,
            mimeType: image.mimeType ?? 'image/png',
          })),
        });
      }
      if (reply.kind === 'transcription') return renderGenerateContent(request, { kind: 'message', text: reply.text }, context);
      return renderGenerateContent(request, reply, context);
    },
    renderError(request, reply) {
      return renderGoogleError(request, reply);
    },
  };
}
